package normalize

import "testing"

func TestReadable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is kept", "# Title\n\nA line.", "# Title\n\nA line."},
		{"box with title",
			"{{% warning title=\"This is a draft document!\" %}}\nBody line.\n{{% /warning %}}",
			"Warning: This is a draft document!\nBody line."},
		{"escaped quote and entity in the title",
			`{{% note title="Say \"hi\" &#37; now" %}}` + "\n{{% /note %}}",
			`Note: Say "hi" % now`},
		{"box without title", "{{% note %}}\nx\n{{% /note %}}", "Note:\nx"},
		{"table block markers dropped", "{{< wikihtml >}}\n<table></table>\n{{< /wikihtml >}}", "<table></table>"},
		{"escaped braces in text stay", "&#123;&#123;% not a call %&#125;&#125;", "&#123;&#123;% not a call %&#125;&#125;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readable(tt.in); got != tt.want {
				t.Errorf("readable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
