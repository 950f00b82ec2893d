package mwxml

import (
	"strings"
	"testing"
)

func TestHexSHA1(t *testing.T) {
	tests := []struct{ base36, hex string }{
		// The sha1 of the empty text, as MediaWiki writes it.
		{"phoiac9h4m842xq45sp7s6u21eteeq1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
		// Real pairs from the fixture: dump <sha1> and the API's rvprop=sha1.
		{"7pid4fi9qo9apqgeiy4hatgfftrb1ro", "41fdfaeebec67ce4fa9d743b34e090c28e7c1cb4"},
		{"s297i63jshj86k76fualsc7dxvkuy4f", "f03d54057e90e43fdf638b29deb0afdeb031c83f"},
		{"iy23qpxo9jfb88kqzuel8oqllw9kxpz", "a231a9a5b7c436e08a5ffd373e44bdae1aeba0b7"},
		{"r9nrykysmwt1tyursmazsqj1foo464m", "e97087e6418bd78e37c268c96c3a47b5abf4a006"},
		// Small numbers keep their leading zeros in hex.
		{"73", "00000000000000000000000000000000000000ff"},
		{"0", "0000000000000000000000000000000000000000"},
		{"0000000000000000000000000000073", "00000000000000000000000000000000000000ff"},
	}
	for _, tt := range tests {
		t.Run(tt.base36, func(t *testing.T) {
			got, err := HexSHA1(tt.base36)
			if err != nil || got != tt.hex {
				t.Errorf("HexSHA1(%q) = %q, %v; want %q", tt.base36, got, err, tt.hex)
			}
		})
	}
}

func TestHexSHA1Rejects(t *testing.T) {
	for _, bad := range []string{
		"",
		"PHOIAC9H4M842XQ45SP7S6U21ETEEQ1", // MediaWiki writes lower case
		"-1",
		"+73",
		"7pid4fi9qo9apqgeiy4hatgfftrb1r!",
		strings.Repeat("z", 31), // over 160 bits
		strings.Repeat("1", 32),
		"da39a3ee5e6b4b0d3255bfef95601890afd80709", // hex given where base 36 is due: too long
	} {
		if got, err := HexSHA1(bad); err == nil {
			t.Errorf("HexSHA1(%q) = %q, want an error", bad, got)
		}
	}
}
