package normalize

import (
	"strings"

	"github.com/wikisite/wikisite/sync/content"
	"github.com/wikisite/wikisite/sync/faq"
)

type question struct {
	Question string `toml:"question"`
	AnswerMD string `toml:"answer_md"`
}

type faqParams struct {
	Source    *source    `toml:"source,omitempty"`
	Questions []question `toml:"questions,omitempty"`
}

// faqTitle is the first configured page whose title ends in "/FAQ".
func (b *readerPages) faqTitle() string {
	for _, t := range b.configured {
		if strings.HasSuffix(t, "/FAQ") {
			return t
		}
	}
	return ""
}

// writeFAQ writes faq/_index.md when the configured FAQ page is archived:
// its newest visible text as the body, and its questions (sync/faq).
func (b *readerPages) writeFAQ() error {
	title := b.faqTitle()
	p := b.page(title)
	if p == nil {
		return nil
	}
	r := visible(p, p.Last())
	if r == nil {
		return nil
	}
	text, err := b.text(p.Title, r)
	if err != nil {
		return err
	}
	body, err := b.conv.markdown(text, r.Timestamp)
	if err != nil {
		return err
	}
	params := faqParams{Source: b.links.source(p.Title, r)}
	for _, q := range faq.Split(text) {
		qt, err := b.conv.plainText(q.Question, r.Timestamp)
		if err != nil {
			return err
		}
		md, err := b.conv.markdown(q.Answer, r.Timestamp)
		if err != nil {
			return err
		}
		params.Questions = append(params.Questions, question{Question: qt, AnswerMD: md})
	}
	b.faqURL = "/faq/"
	fm := content.FrontMatter{Title: p.Title, Type: "faq", URL: "/faq/", Date: r.Timestamp, Params: &params}
	return b.tree.WriteDoc("faq/_index.md", fm, body)
}
