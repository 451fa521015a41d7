package cheader

import (
	"fmt"
	"strings"
	"unicode"
)

// upperSnake turns "initialize_market" and "MarketAlreadyInitialized" into
// INITIALIZE_MARKET and MARKET_ALREADY_INITIALIZED for macro names.
func upperSnake(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 && rs[i-1] != '_' &&
			(unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// cKeywords are names an IDL field may not use because the C member would not compile.
var cKeywords = map[string]bool{
	"auto": true, "break": true, "case": true, "char": true, "const": true, "continue": true,
	"default": true, "do": true, "double": true, "else": true, "enum": true, "extern": true,
	"float": true, "for": true, "goto": true, "if": true, "inline": true, "int": true, "long": true,
	"register": true, "restrict": true, "return": true, "short": true, "signed": true,
	"sizeof": true, "static": true, "struct": true, "switch": true, "typedef": true,
	"union": true, "unsigned": true, "void": true, "volatile": true, "while": true, "bool": true,
}

func checkIdent(name string) error {
	if name == "" || cKeywords[name] {
		return fmt.Errorf("name %q is not usable as a C identifier", name)
	}
	for i, r := range name {
		if !(r == '_' || r < 128 && unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return fmt.Errorf("name %q is not a C identifier", name)
		}
	}
	return nil
}

// cComment makes s safe inside a /* */ comment.
func cComment(s string) string {
	return strings.ReplaceAll(s, "*/", "* /")
}

// cString quotes s as a C string literal, escaping bytes outside printable ASCII.
func cString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			// The empty "" stops a following hex digit from extending the escape.
			fmt.Fprintf(&b, "\\x%02x\"\"", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
