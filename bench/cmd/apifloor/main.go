// Command apifloor is the API-floor peer of bench/: the least a client can
// do to read every revision of some pages with text. It asks for 50
// revisions per request (the API's limit with content), follows
// continuation, decodes the JSON and writes nothing.
//
// Usage: apifloor API_URL TITLE...
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: apifloor API_URL TITLE...")
		os.Exit(2)
	}
	revs, size := 0, 0
	for _, title := range os.Args[2:] {
		n, b, err := fetch(os.Args[1], title)
		if err != nil {
			fmt.Fprintf(os.Stderr, "apifloor: page %q: %v\n", title, err)
			os.Exit(1)
		}
		revs, size = revs+n, size+b
	}
	fmt.Printf("%d revisions, %d bytes of text\n", revs, size)
}

// fetch reads every revision of title, oldest first, and returns how many
// there were and their total text size.
func fetch(api, title string) (revs, size int, err error) {
	q := url.Values{
		"action": {"query"}, "format": {"json"}, "formatversion": {"2"},
		"prop": {"revisions"}, "titles": {title}, "rvlimit": {"50"}, "rvdir": {"newer"},
		"rvprop": {"ids|timestamp|user|comment|sha1|size|flags|content"}, "rvslots": {"main"},
	}
	for {
		var r struct {
			Continue map[string]string `json:"continue"`
			Query    struct {
				Pages []struct {
					Revisions []struct {
						Slots struct {
							Main struct {
								Content string `json:"content"`
							} `json:"main"`
						} `json:"slots"`
					} `json:"revisions"`
				} `json:"pages"`
			} `json:"query"`
		}
		if err := get(api+"?"+q.Encode(), &r); err != nil {
			return revs, size, err
		}
		for _, p := range r.Query.Pages {
			for _, v := range p.Revisions {
				revs++
				size += len(v.Slots.Main.Content)
			}
		}
		if r.Continue == nil {
			return revs, size, nil
		}
		for k, v := range r.Continue {
			q.Set(k, v)
		}
	}
}

func get(u string, out any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("HTTP %s: %s", resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
