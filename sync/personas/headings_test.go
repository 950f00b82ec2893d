package personas

import "testing"

func TestParseHeading(t *testing.T) {
	tests := []struct {
		in    string
		level int
		title string
		ok    bool
	}{
		{"== Persona #1 ==", 2, "Persona #1", true},
		{"=== Persona #1: SysAdmin MacGuyver ===  ", 3, "Persona #1: SysAdmin MacGuyver", true},
		{"==Goals==", 2, "Goals", true},
		{"=== Goals ==", 2, "= Goals", true}, // as MediaWiki: surplus '=' join the title
		{"======= Deep =======", 6, "= Deep =", true},
		{"= Personas =", 1, "Personas", true},
		{"==0 ", 0, "", false},
		{"====", 0, "", false},
		{"== ==", 0, "", false},
		{" == Indented ==", 0, "", false},
		{"plain", 0, "", false},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			level, title, ok := parseHeading(tt.in)
			if level != tt.level || title != tt.title || ok != tt.ok {
				t.Errorf("parseHeading(%q) = %d, %q, %v; want %d, %q, %v", tt.in, level, title, ok, tt.level, tt.title, tt.ok)
			}
		})
	}
}

func TestScanProtected(t *testing.T) {
	tests := []struct {
		line, closer, want string
	}{
		{"plain", "", ""},
		{"a <!-- open", "", "-->"},
		{"still -->", "-->", ""},
		{"<pre>", "", "</pre>"},
		{"<pre class=\"x\">code</pre> <nowiki>", "", "</nowiki>"},
		{"<nowiki/> text", "", ""},
		{"<prefix> is no pre", "", ""},
		{"inside", "</pre>", "</pre>"},
		{"<!-- c --> <pre>", "", "</pre>"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := scanProtected(tt.line, tt.closer); got != tt.want {
				t.Errorf("scanProtected(%q, %q) = %q, want %q", tt.line, tt.closer, got, tt.want)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sandra Summers", "sandra-summers"},
		{"Máirín Duffy", "mairin-duffy"},
		{"'''Joe''' [[Franklin]]", "joe-franklin"},
		{"  --Work   Description--  ", "work-description"},
		{"Ｆｕｌｌ width", "full-width"},
		{"日本語", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slugify(tt.in); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnique(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, s := range []string{"a", "a", "a-2", "a"} {
		got = append(got, unique(s, used))
	}
	want := []string{"a", "a-2", "a-2-2", "a-3"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("unique = %q, want %q", got, want)
		}
	}
}

func TestFieldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Years Experience", "years_of_experience"},
		{"Years of Experience", "years_of_experience"},
		{"Technical Level", "technical_level"},
		{"Organization", "organisation"},
		{"Favourite Colour", "favourite_colour"},
		{"!!!", "field"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fieldKey(tt.in); got != tt.want {
				t.Errorf("fieldKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
