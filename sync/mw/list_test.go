package mw

import (
	"context"
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestCategoryMembersContinues(t *testing.T) {
	c, seen := mustCanned(t, func(q url.Values) string {
		if q.Get("cmcontinue") == "" {
			return `{"continue":{"cmcontinue":"page|NEXT","continue":"-||"},"query":{"categorymembers":[
				{"pageid":1,"ns":0,"title":"Synthetic A"},{"pageid":2,"ns":14,"title":"Category:Synthetic sub"}]}}`
		}
		return `{"batchcomplete":true,"query":{"categorymembers":[{"pageid":3,"ns":0,"title":"Synthetic B"}]}}`
	})
	got, err := c.CategoryMembers(context.Background(), "Synthetic")
	if err != nil {
		t.Fatal(err)
	}
	want := []Member{{"Synthetic A", 0, 1}, {"Category:Synthetic sub", 14, 2}, {"Synthetic B", 0, 3}}
	if !reflect.DeepEqual(got, want) || !got[1].Subcategory() || got[0].Subcategory() {
		t.Errorf("members %+v, want %+v", got, want)
	}
	if len(*seen) != 2 || (*seen)[0].Get("cmtitle") != "Category:Synthetic" || (*seen)[0].Get("cmlimit") != "max" ||
		(*seen)[1].Get("cmcontinue") != "page|NEXT" {
		t.Errorf("queries %v", *seen)
	}
}

func TestAllPagesQuery(t *testing.T) {
	c, seen := mustCanned(t, func(url.Values) string {
		return `{"batchcomplete":true,"query":{"allpages":[{"pageid":5,"ns":10,"title":"Template:Admon/note"}]}}`
	})
	got, err := c.AllPages(context.Background(), 10, "Admon/")
	if err != nil || len(got) != 1 || got[0].Title != "Template:Admon/note" || got[0].Namespace != 10 {
		t.Fatalf("AllPages = %+v, %v", got, err)
	}
	q := (*seen)[0]
	if q.Get("list") != "allpages" || q.Get("apnamespace") != "10" || q.Get("apprefix") != "Admon/" || q.Get("apfilterredir") != "nonredirects" {
		t.Errorf("query %v", q)
	}
}

func TestChangesStopsAfterTheReply(t *testing.T) {
	c, seen := mustCanned(t, func(url.Values) string {
		return `{"continue":{"rccontinue":"x","continue":"-||"},"query":{"recentchanges":[
			{"type":"edit","ns":0,"title":"Synthetic A","rcid":7,"timestamp":"2026-01-01T00:00:00Z"},
			{"type":"log","ns":0,"title":"Synthetic B","rcid":8,"timestamp":"2026-01-01T00:00:01Z","logtype":"move","logparams":{"target_ns":0,"target_title":"Synthetic C"}}]}}`
	})
	var got []Change
	since := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	complete, err := c.Changes(context.Background(), since, func(ch Change) bool {
		got = append(got, ch)
		return false // stop: the rest of this reply still arrives
	})
	if err != nil || complete {
		t.Fatalf("complete %v, err %v; want an incomplete listing", complete, err)
	}
	if len(got) != 2 || got[1].Target != "Synthetic C" || got[1].LogType != "move" || got[0].ID != 7 || !got[0].Timestamp.Equal(since) {
		t.Errorf("changes %+v", got)
	}
	if len(*seen) != 1 || (*seen)[0].Get("rcstart") != "2026-01-01T00:00:00Z" || (*seen)[0].Get("rcdir") != "newer" {
		t.Errorf("queries %v, want one from rcstart, oldest first", *seen)
	}
}

func TestInCategories(t *testing.T) {
	c, seen := mustCanned(t, func(url.Values) string {
		return `{"batchcomplete":true,"query":{"pages":[
			{"pageid":1,"ns":0,"title":"Synthetic A","categories":[{"ns":14,"title":"Category:Synthetic"}]},
			{"pageid":2,"ns":0,"title":"Synthetic B"}]}}`
	})
	got, err := c.InCategories(context.Background(), []string{"Synthetic A", "Synthetic B"}, []string{"Category:Synthetic"})
	if err != nil || !reflect.DeepEqual(got, []string{"Synthetic A"}) {
		t.Fatalf("InCategories = %q, %v", got, err)
	}
	if q := (*seen)[0]; q.Get("clcategories") != "Category:Synthetic" || q.Get("prop") != "categories" {
		t.Errorf("query %v", q)
	}
}
