package mwxml

import (
	"fmt"
	"math/big"
)

// HexSHA1 converts a sha1 from the dump's form, base 36 (MediaWiki's
// Wikimedia\base_convert, up to 31 digits, lower case), to the API's form,
// 40 lower-case hex digits, zero-padded.
func HexSHA1(base36 string) (string, error) {
	if base36 == "" || len(base36) > 31 {
		return "", fmt.Errorf("sha1 %q is not a base-36 sha1 (1 to 31 digits)", base36)
	}
	for _, c := range base36 {
		// big.Int also takes signs and upper case: allow only what MediaWiki writes.
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return "", fmt.Errorf("sha1 %q is not a base-36 sha1: %q is no base-36 digit", base36, c)
		}
	}
	n, ok := new(big.Int).SetString(base36, 36)
	if !ok || n.BitLen() > 160 {
		return "", fmt.Errorf("sha1 %q is not a base-36 sha1: over 160 bits", base36)
	}
	return fmt.Sprintf("%040x", n), nil
}
