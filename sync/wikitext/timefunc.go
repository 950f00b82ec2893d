package wikitext

import (
	"strconv"
	"strings"
	"time"
)

// timeLayouts are the date forms #time reads; MediaWiki reads anything
// PHP's strtotime does, these are the ones wiki pages write most.
var timeLayouts = []string{"2006-01-02", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z", "20060102150405", "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006",
	"January 2006", "2006", "15:04", "15:04:05"}

// timeFunc is {{#time:format|date}}: the date (the revision's time when
// empty or "now", so an old revision shows what it showed then) in PHP's
// date() format.
func (c *converter) timeFunc(format, date string) string {
	t := c.opts.Revision.Timestamp.UTC()
	if d := strings.TrimSpace(date); d == "" || strings.EqualFold(d, "now") {
		c.lookups.Page = true
	} else {
		var ok bool
		if t, ok = parseTime(d, t); !ok {
			return "<strong>Error: Invalid time.</strong>"
		}
	}
	if t.IsZero() {
		c.diag(0, "#time without a date has no value outside the wiki; shown as written")
		return "#time: " + format
	}
	return phpDate(strings.TrimSpace(format), t)
}

func parseTime(s string, now time.Time) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if !strings.Contains(l, "2006") { // a time of day, today
				y, m, d := now.Date()
				t = time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// phpDates maps PHP date() letters to Go layouts; the others are below.
var phpDates = map[byte]string{
	'Y': "2006", 'y': "06", 'm': "01", 'n': "1", 'd': "02", 'j': "2", 'F': "January", 'M': "Jan",
	'D': "Mon", 'l': "Monday", 'H': "15", 'i': "04", 's': "05", 'g': "3", 'h': "03", 'A': "PM", 'a': "pm",
}

// phpDate formats t with a PHP date() format; "quoted" and \-escaped
// text is copied, as in MediaWiki.
func phpDate(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if l, ok := phpDates[ch]; ok {
			b.WriteString(t.Format(l))
			continue
		}
		switch ch {
		case 'G':
			b.WriteString(strconv.Itoa(t.Hour()))
		case 'N':
			b.WriteString(strconv.Itoa((int(t.Weekday())+6)%7 + 1))
		case 'w':
			b.WriteString(strconv.Itoa(int(t.Weekday())))
		case 'z':
			b.WriteString(strconv.Itoa(t.YearDay() - 1))
		case 'W':
			_, w := t.ISOWeek()
			b.WriteString(strconv.Itoa(w))
		case 't':
			b.WriteString(strconv.Itoa(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()))
		case 'U':
			b.WriteString(strconv.FormatInt(t.Unix(), 10))
		case '\\':
			if i+1 < len(format) {
				i++
				b.WriteByte(format[i])
			}
		case '"':
			j := strings.IndexByte(format[i+1:], '"')
			if j < 0 {
				b.WriteByte('"')
				continue
			}
			b.WriteString(format[i+1 : i+1+j])
			i += j + 1
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}
