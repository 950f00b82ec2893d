package wikitext

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/pagename"
)

// frame is one template invocation's arguments.
type frame struct {
	parent *frame
	title  string
	depth  int
	args   map[string]*argValue
}

// argValue is expanded lazily in its caller's frame, like MediaWiki does, so
// that unused arguments cost nothing.
type argValue struct {
	nodes  []ppNode
	caller *frame
	trim   bool
	done   bool
	value  string
}

func (c *converter) expandPage(src string) string {
	if !strings.Contains(src, "{{") && !strings.Contains(src, "<!--") && !hasExtensionTag(src) {
		return src // nothing for the preprocessor to do
	}
	var b strings.Builder
	c.expand(c.preparse(src, 1), nil, &b)
	return b.String()
}

// expand writes the expansion of nodes in frame f (nil at page level).
func (c *converter) expand(nodes []ppNode, f *frame, b *strings.Builder) {
	for _, n := range nodes {
		if f != nil && b.Len() > c.budget {
			c.exhaust(0)
			return
		}
		switch n := n.(type) {
		case ppText:
			b.WriteString(string(n))
		case *ppTemplate:
			b.WriteString(c.expandTemplate(n, f))
		case *ppArg:
			b.WriteString(c.expandArg(n, f))
		}
	}
}

func (c *converter) expandString(nodes []ppNode, f *frame) string {
	if len(nodes) == 1 {
		if t, ok := nodes[0].(ppText); ok {
			return string(t)
		}
	}
	var b strings.Builder
	c.expand(nodes, f, &b)
	return b.String()
}

// expandPart expands a whole part, "=" included.
func (c *converter) expandPart(p ppPart, f *frame) string {
	if p.eq < 0 {
		return c.expandString(p.nodes, f)
	}
	return c.expandString(p.nodes[:p.eq], f) + "=" + c.expandString(p.nodes[p.eq:], f)
}

func (c *converter) exhaust(line int) {
	if !c.overflow {
		c.overflow = true
		c.diag(line, fmt.Sprintf("template expansion stopped: expanded text exceeds %d bytes", c.opts.MaxSize))
	}
}

func (c *converter) expandArg(a *ppArg, f *frame) string {
	name := strings.TrimSpace(c.expandPart(a.parts[0], f))
	if f != nil {
		if v, ok := f.args[name]; ok {
			return c.argString(v)
		}
	}
	if len(a.parts) > 1 {
		return c.expandPart(a.parts[1], f)
	}
	return "{{{" + name + "}}}"
}

func (c *converter) argString(v *argValue) string {
	if !v.done {
		v.value = c.expandString(v.nodes, v.caller)
		if v.trim {
			v.value = strings.TrimSpace(v.value)
		}
		v.done = true
	}
	return v.value
}

// magicVariables are MediaWiki's page and time variables; we have no page
// context here, so they become placeholders.
var magicVariables = map[string]bool{
	"PAGENAME": true, "FULLPAGENAME": true, "BASEPAGENAME": true, "SUBPAGENAME": true,
	"NAMESPACE": true, "PAGENAMEE": true, "FULLPAGENAMEE": true, "TALKPAGENAME": true,
	"CURRENTYEAR": true, "CURRENTMONTH": true, "CURRENTDAY": true, "CURRENTTIME": true,
	"CURRENTTIMESTAMP": true, "LOCALYEAR": true, "REVISIONID": true, "REVISIONYEAR": true,
	"REVISIONUSER": true, "SITENAME": true, "SERVER": true, "NUMBEROFARTICLES": true,
	"CURRENTMONTHNAME": true, "CURRENTDAYNAME": true, "SCRIPTPATH": true,
}

func (c *converter) expandTemplate(t *ppTemplate, f *frame) string {
	raw := strings.TrimSpace(c.expandPart(t.parts[0], f))
	name := raw
	for _, p := range []string{"subst:", "safesubst:", "msg:"} {
		if len(name) >= len(p) && strings.EqualFold(name[:len(p)], p) {
			name = strings.TrimSpace(name[len(p):])
		}
	}
	args := t.parts[1:]
	if colon := strings.IndexByte(name, ':'); colon > 0 {
		if out, ok := c.parserFunction(strings.ToLower(strings.TrimSpace(name[:colon])), name[colon+1:], args, f, t.line); ok {
			return out
		}
	}
	switch {
	case name == "!" && len(args) == 0:
		return "|"
	case name == "=" && len(args) == 0:
		return "="
	}
	if v, ok := c.pageVariable(name); ok && len(args) == 0 {
		return v
	}
	switch {
	case magicVariables[name] || c.isPageVariableName(name):
		c.diag(t.line, fmt.Sprintf("magic word {{%s}} has no value outside the wiki", name))
		return c.placeholder(name, nil, f)
	}
	if !validTitle(name) {
		return c.literalTemplate(raw, args, f)
	}
	if c.overflow {
		return c.placeholder("limit: "+name, nil, f)
	}
	page := "Template:" + pagename.Canonical(stripNamespace(name, "Template"))
	if strings.HasPrefix(name, ":") {
		page = pagename.Canonical(name[1:])
	}
	if sc, ok := c.shortcodes[strings.TrimPrefix(page, "Template:")]; ok && !strings.HasPrefix(name, ":") {
		return c.shortcode(sc, args, f)
	}
	if text, ok := c.template(page); ok {
		return c.transclude(page, text, args, f, t.line)
	}
	c.diag(t.line, fmt.Sprintf("template %q is not available; shown as a link to it, as MediaWiki does", page))
	return c.missingTemplate(page)
}

// missingTemplate is what MediaWiki shows for a template that does not
// exist: a link to its page, whatever the arguments.
func (c *converter) missingTemplate(page string) string {
	return "[[:" + page + "]]"
}

func (c *converter) transclude(page, text string, args []ppPart, f *frame, line int) string {
	depth := 1
	for p := f; p != nil; p = p.parent {
		if p.title == page {
			c.diag(line, fmt.Sprintf("template loop detected: %s", page))
			return c.placeholder("loop: "+page, nil, f)
		}
	}
	if f != nil {
		depth = f.depth + 1
	}
	if depth > c.opts.MaxDepth {
		c.diag(line, fmt.Sprintf("template %s: expansion depth exceeds %d", page, c.opts.MaxDepth))
		return c.placeholder("too deep: "+page, nil, f)
	}
	nf := &frame{parent: f, title: page, depth: depth, args: c.frameArgs(args, f)}
	var b strings.Builder
	c.expand(c.preparse(transclusionText(text), line), nf, &b)
	out := b.String()
	c.budget -= len(out)
	if c.budget < 0 {
		c.exhaust(line)
		return c.placeholder("limit: "+page, nil, f)
	}
	// MediaWiki starts a new line before output that begins with block
	// syntax, so that a list or table from a template is recognised.
	if strings.HasPrefix(out, "{|") || (out != "" && strings.IndexByte("*#:;", out[0]) >= 0) {
		out = "\n" + out
	}
	return out
}

// boxParts makes a box's parts whose "=" sits inside an HTML tag, as in
// `{{Admon/warning|Title|text <b class="x">bold</b>}}`, numbered parts
// again. MediaWiki names such a part after the text before the "=", so the
// box shows none of it; here, where the box is ours, its text is shown as
// text, tags treated as anywhere else, rather than lost with the body.
func boxParts(parts []ppPart, c *converter, f *frame) []ppPart {
	var out []ppPart
	for i, p := range parts {
		if p.eq < 0 || !strings.Contains(c.expandString(p.nodes[:p.eq], f), "<") {
			continue
		}
		if out == nil {
			out = append([]ppPart(nil), parts...)
		}
		nodes := make([]ppNode, 0, len(p.nodes)+1)
		nodes = append(append(append(nodes, p.nodes[:p.eq]...), ppText("=")), p.nodes[p.eq:]...)
		out[i] = ppPart{nodes: nodes, eq: -1}
	}
	if out == nil {
		return parts
	}
	return out
}

// frameArgs splits a call's parts into MediaWiki arguments: a part with a
// top-level "=" is named (and trimmed), others are numbered and kept as is.
func (c *converter) frameArgs(parts []ppPart, f *frame) map[string]*argValue {
	args := make(map[string]*argValue, len(parts))
	n := 0
	for _, p := range parts {
		if p.eq >= 0 {
			name := strings.TrimSpace(c.expandString(p.nodes[:p.eq], f))
			args[name] = &argValue{nodes: p.nodes[p.eq:], caller: f, trim: true}
			continue
		}
		n++
		args[strconv.Itoa(n)] = &argValue{nodes: p.nodes, caller: f}
	}
	return args
}

func (c *converter) shortcode(name string, parts []ppPart, f *frame) string {
	args := c.frameArgs(boxParts(parts, c, f), f)
	tk := token{kind: tokShortcode, name: name}
	if v, ok := args["1"]; ok {
		tk.title = strings.TrimSpace(c.argString(v))
	}
	if v, ok := args["2"]; ok {
		tk.body = strings.TrimSpace(c.argString(v))
	}
	keys := make([]string, 0, len(args))
	for k := range args {
		if k != "1" && k != "2" {
			keys = append(keys, k)
		}
	}
	sortArgNames(keys)
	for _, k := range keys {
		pname := k
		if _, err := strconv.Atoi(k); err == nil {
			pname = "arg" + k
		}
		if validParamName(pname) {
			tk.params = append(tk.params, [2]string{pname, c.argString(args[k])})
		}
	}
	return c.mark(tk)
}

// sortArgNames orders numbered arguments numerically, then names.
func sortArgNames(keys []string) {
	less := func(a, b string) bool {
		na, ea := strconv.Atoi(a)
		nb, eb := strconv.Atoi(b)
		switch {
		case ea == nil && eb == nil:
			return na < nb
		case ea == nil:
			return true
		case eb == nil:
			return false
		}
		return a < b
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && less(keys[j], keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

func validParamName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !isASCIILetter(b) && !(b >= '0' && b <= '9') && b != '_' {
			return false
		}
	}
	return true
}

// placeholder is the visible stand-in for a template we cannot expand.
func (c *converter) placeholder(name string, parts []ppPart, f *frame) string {
	var b strings.Builder
	b.WriteString("⟦template: ")
	b.WriteString(collapseSpace(name))
	for _, p := range parts {
		if b.Len() > 300 {
			b.WriteString(" | …")
			break
		}
		b.WriteString(" | ")
		b.WriteString(c.plainOf(c.expandPart(p, f)))
	}
	b.WriteString("⟧")
	return c.mark(token{kind: tokPlaceholder, text: b.String()})
}

// literalTemplate shows a call whose name is no valid title as text, as
// MediaWiki does for e.g. "{{<b>}}".
func (c *converter) literalTemplate(name string, parts []ppPart, f *frame) string {
	var b strings.Builder
	b.WriteString("{{")
	b.WriteString(name)
	for _, p := range parts {
		b.WriteString("|")
		b.WriteString(c.expandPart(p, f))
	}
	b.WriteString("}}")
	return b.String()
}

func validTitle(s string) bool {
	if strings.TrimLeft(s, ": ") == "" || strings.ContainsAny(s, "<>[]{}|\n"+markOpen) {
		return false
	}
	return !strings.HasPrefix(s, "#")
}

// stripNamespace removes a leading "ns:" (any case) from a title.
func stripNamespace(s, ns string) string {
	if len(s) > len(ns) && s[len(ns)] == ':' && strings.EqualFold(s[:len(ns)], ns) {
		return s[len(ns)+1:]
	}
	return s
}

// hasExtensionTag reports a tag whose content the preprocessor hides.
func hasExtensionTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		rest := s[i+1:]
		for _, name := range []string{"nowiki", "pre", "source", "syntaxhighlight", "math"} {
			if len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
				return true
			}
		}
		j := strings.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
