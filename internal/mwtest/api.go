package mwtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
)

// session is an API client logged in as one user.
type session struct {
	client *http.Client
	csrf   string
}

// apiError is the error object of an action API response.
type apiError struct {
	Code string `json:"code"`
	Info string `json:"info"`
}

// call sends one action API request (GET when c is a plain client and post
// is false) and decodes the JSON answer into out. The returned error names
// the action so a failing test explains itself.
func (w *Wiki) call(c *http.Client, post bool, params url.Values, out any) error {
	params.Set("format", "json")
	params.Set("formatversion", "2")
	var resp *http.Response
	var err error
	if post {
		resp, err = c.PostForm(w.API, params)
	} else {
		resp, err = c.Get(w.API + "?" + params.Encode())
	}
	if err != nil {
		return fmt.Errorf("api action=%s: %w", params.Get("action"), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("api action=%s: read body: %w", params.Get("action"), err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("api action=%s: HTTP %s: %.300s", params.Get("action"), resp.Status, body)
	}
	var e struct {
		Error *apiError `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		return fmt.Errorf("api action=%s: decode: %w: %.300s", params.Get("action"), err, body)
	}
	if e.Error != nil {
		return fmt.Errorf("api action=%s: %s: %s", params.Get("action"), e.Error.Code, e.Error.Info)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("api action=%s: decode: %w", params.Get("action"), err)
	}
	return nil
}

// mustQuery runs an anonymous read request.
func (w *Wiki) mustQuery(tb testing.TB, params url.Values, out any) {
	tb.Helper()
	if err := w.call(http.DefaultClient, false, params, out); err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
}

// mustSession returns an API client logged in as user with a CSRF token,
// logging in on first use. The user must know w.Password (Admin and every
// user the harness created do).
func (w *Wiki) mustSession(tb testing.TB, user string) *session {
	tb.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if s, ok := w.sessions[user]; ok {
		return s
	}
	s, err := w.login(user)
	if err != nil {
		tb.Fatalf("mwtest: log in as %q: %v", user, err)
	}
	w.sessions[user] = s
	return s
}

func (w *Wiki) login(user string) (*session, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	s := &session{client: &http.Client{Jar: jar}}
	var tok struct {
		Query struct {
			Tokens map[string]string `json:"tokens"`
		} `json:"query"`
	}
	if err := w.call(s.client, false, url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"login"}}, &tok); err != nil {
		return nil, err
	}
	var login struct {
		ClientLogin struct {
			Status  string `json:"status"`
			Message string `json:"message"`
		} `json:"clientlogin"`
	}
	err = w.call(s.client, true, url.Values{
		"action": {"clientlogin"}, "username": {user}, "password": {w.Password},
		"logintoken": {tok.Query.Tokens["logintoken"]}, "loginreturnurl": {w.Index},
	}, &login)
	if err != nil {
		return nil, err
	}
	if login.ClientLogin.Status != "PASS" {
		return nil, fmt.Errorf("clientlogin: %s: %s", login.ClientLogin.Status, login.ClientLogin.Message)
	}
	if err := w.call(s.client, false, url.Values{"action": {"query"}, "meta": {"tokens"}}, &tok); err != nil {
		return nil, err
	}
	s.csrf = tok.Query.Tokens["csrftoken"]
	if s.csrf == "" || s.csrf == `+\` {
		return nil, fmt.Errorf("no csrf token after login")
	}
	return s, nil
}

// mustPost sends a write action as user, adding the CSRF token.
func (w *Wiki) mustPost(tb testing.TB, user string, params url.Values, out any) {
	tb.Helper()
	s := w.mustSession(tb, user)
	params.Set("token", s.csrf)
	if err := w.call(s.client, true, params, out); err != nil {
		tb.Fatalf("mwtest: as %q: %v", user, err)
	}
}
