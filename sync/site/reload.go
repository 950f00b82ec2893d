package site

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// ReloadPath is the server-sent events endpoint that tells preview pages to
// reload after a rebuild.
const ReloadPath = "/__wikisite/reload"

// reloadScript is added to every HTML page the preview serves, and never
// to the built files. On "reload" it reloads the page; on "failed" it
// shows the build error at the bottom of the page (as text, not HTML).
const reloadScript = `<script>(function(){var s=new EventSource("` + ReloadPath + `");` +
	`s.addEventListener("reload",function(){location.reload()});` +
	`s.addEventListener("failed",function(e){var d=document.getElementById("__wikisite_error");` +
	`if(!d){d=document.createElement("pre");d.id="__wikisite_error";` +
	`d.style.cssText="position:fixed;bottom:0;left:0;right:0;margin:0;padding:1em;background:#fee;color:#600;white-space:pre-wrap;z-index:9999";` +
	`document.body.appendChild(d)}d.textContent="wikisite: "+e.data})})();</script>`

// reloader tells connected pages about each rebuild.
type reloader struct {
	mu   sync.Mutex
	seq  int           // rebuilds so far
	msg  string        // "" after a good build, else the error
	next chan struct{} // closed at the next rebuild
}

func newReloader() *reloader { return &reloader{next: make(chan struct{})} }

// done records a finished rebuild and wakes every waiting page.
func (r *reloader) done(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seq++
	r.msg = ""
	if err != nil {
		r.msg = err.Error()
	}
	close(r.next)
	r.next = make(chan struct{})
}

func (r *reloader) state() (seq int, msg string, next <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seq, r.msg, r.next
}

// ServeHTTP streams one event per rebuild until the client goes away or
// the server stops (the request context ends with the server's).
func (r *reloader) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	_, _, next := r.state()
	// A comment line tells the client (and tests) that it is subscribed.
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-req.Context().Done():
			return
		case <-next:
		}
		var seq int
		var msg string
		seq, msg, next = r.state()
		if msg == "" {
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", seq)
		} else {
			fmt.Fprintf(w, "event: failed\ndata: %s\n\n", strings.ReplaceAll(msg, "\n", " "))
		}
		flusher.Flush()
	}
}

// previewHandler serves the built site from root, adding the reload script
// to HTML pages.
func previewHandler(root string, r *reloader) http.Handler {
	files := http.FileServer(http.Dir(root))
	mux := http.NewServeMux()
	mux.Handle(ReloadPath, r)
	mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		name := req.URL.Path
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if path.Ext(name) != ".html" || !serveHTML(w, req, http.Dir(root), name) {
			files.ServeHTTP(w, req)
		}
	})
	return mux
}

// serveHTML serves an HTML file with the reload script (and the page's
// conversion notes, if any) added; it reports
// false, writing nothing, when the file cannot be read, so the file
// server answers with its usual 404 or redirect.
func serveHTML(w http.ResponseWriter, req *http.Request, root http.FileSystem, name string) bool {
	f, err := root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return false
	}
	page, err := io.ReadAll(f)
	if err != nil {
		return false
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	page = inject(page, notesOverlay(root, req.URL.Path)+reloadScript)
	http.ServeContent(w, req, name, time.Time{}, bytes.NewReader(page))
	return true
}

// injectReload puts the reload script before the last </body>, or at the
// end of a page that has none.
func injectReload(page []byte) []byte { return inject(page, reloadScript) }

// inject puts snippet before the last </body>, or at the end of a page
// that has none.
func inject(page []byte, snippet string) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page, snippet...)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}
