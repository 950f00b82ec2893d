package main

import (
	"net/http"
	"net/http/httptest"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/wikisite/wikisite/internal/faultproxy"
)

// cmdFaultWiki is the script command "faultwiki FAULT": a fault proxy that
// answers every request with FAULT (HTMLPage, Huge or Hang), its api.php
// URL in $API. The faults are the proxy's own, so no wiki stands behind it.
func cmdFaultWiki(ts *testscript.TestScript, neg bool, args []string) {
	faults := map[string]faultproxy.Fault{"HTMLPage": faultproxy.HTMLPage, "Huge": faultproxy.Huge, "Hang": faultproxy.Hang}
	f, ok := faults[safeArg(args)]
	if neg || !ok {
		ts.Fatalf("usage: faultwiki HTMLPage|Huge|Hang")
	}
	target := httptest.NewServer(http.NotFoundHandler())
	p := faultproxy.New(target.URL)
	script := make([]faultproxy.Fault, 20)
	for i := range script {
		script[i] = f
	}
	p.Script(script...)
	ts.Defer(func() {
		p.Close()
		target.Close()
	})
	ts.Setenv("API", p.URL()+"/api.php")
}

func safeArg(args []string) string {
	if len(args) != 1 {
		return ""
	}
	return args[0]
}
