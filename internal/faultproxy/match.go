package faultproxy

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Param returns a match for ScriptMatch that accepts requests whose query
// string or url-encoded POST form sets name to value, such as
// Param("action", "query"). It reads a form body and puts it back, so the
// request still reaches the target whole.
func Param(name, value string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		if r.URL.Query().Get(name) == value {
			return true
		}
		if r.Body == nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			return false
		}
		body, err := io.ReadAll(r.Body)
		r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
		if err != nil {
			return false
		}
		form, err := url.ParseQuery(string(body))
		return err == nil && form.Get(name) == value
	}
}
