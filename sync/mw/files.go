package mw

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// FileVersion is one uploaded version of a file, as imageinfo gives it.
type FileVersion struct {
	Timestamp     time.Time
	URL           string
	SHA1          string // hex
	Size          int
	Width, Height int
	Mime          string
}

// File is a file's versions on the wiki, newest first.
type File struct {
	// Title is the file page, "File:Name.png".
	Title string
	// Missing means the wiki has no such file (never uploaded, or
	// deleted); Versions is then empty.
	Missing  bool
	Versions []FileVersion
}

// Files returns every version of each file title ("File:X"), keyed by the
// title the wiki reports, one request per MaxTitles titles (more when the
// versions overflow a reply).
func (c *Client) Files(ctx context.Context, titles []string) (map[string]File, error) {
	out := make(map[string]File, len(titles))
	for start := 0; start < len(titles); start += MaxTitles {
		chunk := titles[start:min(start+MaxTitles, len(titles))]
		if err := c.files(ctx, chunk, out); err != nil {
			return nil, err
		}
	}
	for t, f := range out {
		sort.SliceStable(f.Versions, func(i, j int) bool { return f.Versions[i].Timestamp.After(f.Versions[j].Timestamp) })
		out[t] = f
	}
	return out, nil
}

func (c *Client) files(ctx context.Context, titles []string, out map[string]File) error {
	p := params.Values{"prop": "imageinfo", "titles": strings.Join(titles, "|"),
		"iiprop": "timestamp|url|sha1|size|mime", "iilimit": "max"}
	for {
		var q struct {
			Pages []struct {
				Title     string `json:"title"`
				Missing   bool   `json:"missing"`
				Invalid   bool   `json:"invalid"`
				ImageInfo []struct {
					Timestamp time.Time `json:"timestamp"`
					URL       string    `json:"url"`
					SHA1      string    `json:"sha1"`
					Size      int       `json:"size"`
					Width     int       `json:"width"`
					Height    int       `json:"height"`
					Mime      string    `json:"mime"`
				} `json:"imageinfo"`
			} `json:"pages"`
		}
		cont, err := c.query(ctx, fmt.Sprintf("file versions of %q", titles), p, &q)
		if err != nil {
			return err
		}
		for _, pg := range q.Pages {
			f := out[pg.Title]
			f.Title = pg.Title
			for _, ii := range pg.ImageInfo {
				f.Versions = append(f.Versions, FileVersion{Timestamp: ii.Timestamp.UTC(), URL: ii.URL, SHA1: ii.SHA1,
					Size: ii.Size, Width: ii.Width, Height: ii.Height, Mime: ii.Mime})
			}
			f.Missing = len(f.Versions) == 0
			out[pg.Title] = f
		}
		if cont == nil {
			return nil
		}
		for k, v := range cont {
			p.Set(k, v)
		}
	}
}

// Download fetches a file's bytes from url (an imageinfo URL) through the
// same retrying transport and User-Agent as the API requests.
func (c *Client) Download(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", url, err)
	}
	req.Header.Set("User-Agent", c.mw.UserAgent)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rt.beginRaw(ctx) // a file is not JSON: any complete body is the reply
	resp, err := (&http.Client{Transport: c.rt}).Do(req)
	if rtErr := c.rt.end(); rtErr != nil {
		return nil, fmt.Errorf("download: %w", rtErr)
	}
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body) // the retrier already holds it whole
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", url, err)
	}
	return data, nil
}
