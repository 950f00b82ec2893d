package wikitext

import (
	"math"
	"strconv"
	"strings"
)

// evalExpr evaluates a #expr expression as ParserFunctions' ExprParser
// does: numbers, + - * / div mod ^, unary - + not, = != <> < > <= >=, and,
// or, round, e, pi and the functions abs floor ceil trunc sqrt ln exp.
// We write it ourselves because its grammar is MediaWiki's own, not any
// general expression language's. The error is the message MediaWiki shows.
func evalExpr(s string) (float64, error) {
	p := &exprParser{toks: lexExpr(strings.ToLower(s))}
	if len(p.toks) == 0 {
		return 0, errEmptyExpr
	}
	v, err := p.binary(0)
	if err != nil {
		return 0, err
	}
	if p.i < len(p.toks) {
		return 0, shownError("Unexpected " + p.toks[p.i] + " operator.")
	}
	return v, nil
}

var errEmptyExpr = shownError("")

// shownError is an error whose text MediaWiki shows the reader, in its
// words (capitalised, with a final period).
type shownError string

func (e shownError) Error() string { return string(e) }

type exprParser struct {
	toks []string
	i    int
}

// lexExpr splits an expression into numbers, words and operators.
func lexExpr(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c >= '0' && c <= '9' || c == '.':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			out, i = append(out, s[i:j]), j
		case c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
				j++
			}
			out, i = append(out, s[i:j]), j
		case strings.HasPrefix(s[i:], "<=") || strings.HasPrefix(s[i:], ">=") ||
			strings.HasPrefix(s[i:], "<>") || strings.HasPrefix(s[i:], "!="):
			out, i = append(out, s[i:i+2]), i+2
		default:
			out, i = append(out, s[i:i+1]), i+1
		}
	}
	return out
}

// binaryOps are the infix operators by precedence, lowest first.
var binaryOps = [][]string{{"or"}, {"and"}, {"=", "!=", "<>", "<", ">", "<=", ">="}, {"round"},
	{"+", "-"}, {"*", "/", "div", "mod"}, {"^"}, {"e"}}

func (p *exprParser) binary(level int) (float64, error) {
	if level == len(binaryOps) {
		return p.unary()
	}
	left, err := p.binary(level + 1)
	for err == nil && p.i < len(p.toks) && contains(binaryOps[level], p.toks[p.i]) {
		op := p.toks[p.i]
		p.i++
		var right float64
		if right, err = p.binary(level + 1); err == nil {
			left, err = applyBinary(op, left, right)
		}
	}
	return left, err
}

func (p *exprParser) unary() (float64, error) {
	if p.i >= len(p.toks) {
		return 0, shownError("Missing operand.")
	}
	t := p.toks[p.i]
	p.i++
	switch t {
	case "-", "+", "not", "abs", "floor", "ceil", "trunc", "sqrt", "ln", "exp":
		v, err := p.unary()
		if err != nil {
			return 0, err
		}
		return applyUnary(t, v)
	case "(":
		v, err := p.binary(0)
		if err != nil {
			return 0, err
		}
		if p.i >= len(p.toks) || p.toks[p.i] != ")" {
			return 0, shownError("Unclosed bracket.")
		}
		p.i++
		return v, nil
	case "pi":
		return math.Pi, nil
	case "e":
		return math.E, nil
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil {
		return v, nil
	}
	if t[0] >= 'a' && t[0] <= 'z' {
		return 0, shownError("Unrecognized word \"" + t + "\".")
	}
	return 0, shownError("Unrecognized punctuation character \"" + t + "\".")
}

func applyUnary(op string, v float64) (float64, error) {
	switch op {
	case "-":
		return -v, nil
	case "not":
		return boolNum(v == 0), nil
	case "abs":
		return math.Abs(v), nil
	case "floor":
		return math.Floor(v), nil
	case "ceil":
		return math.Ceil(v), nil
	case "trunc":
		return math.Trunc(v), nil
	case "sqrt":
		if v < 0 {
			return 0, shownError("Invalid argument for sqrt: < 0.")
		}
		return math.Sqrt(v), nil
	case "ln":
		if v <= 0 {
			return 0, shownError("Invalid argument for ln: <= 0.")
		}
		return math.Log(v), nil
	case "exp":
		return math.Exp(v), nil
	}
	return v, nil // unary +
}

func applyBinary(op string, a, b float64) (float64, error) {
	switch op {
	case "or":
		return boolNum(a != 0 || b != 0), nil
	case "and":
		return boolNum(a != 0 && b != 0), nil
	case "=":
		return boolNum(a == b), nil
	case "!=", "<>":
		return boolNum(a != b), nil
	case "<":
		return boolNum(a < b), nil
	case ">":
		return boolNum(a > b), nil
	case "<=":
		return boolNum(a <= b), nil
	case ">=":
		return boolNum(a >= b), nil
	case "round":
		p := math.Pow(10, math.Trunc(b))
		return math.Round(a*p) / p, nil
	case "+":
		return a + b, nil
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/", "div":
		if b == 0 {
			return 0, shownError("Division by zero.")
		}
		return a / b, nil
	case "mod":
		if int64(b) == 0 {
			return 0, shownError("Division by zero.")
		}
		return float64(int64(a) % int64(b)), nil
	case "^":
		return math.Pow(a, b), nil
	case "e":
		return a * math.Pow(10, b), nil
	}
	return 0, shownError("Unexpected " + op + " operator.")
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// formatNumber prints v as PHP does with precision 14, which is how
// MediaWiki turns the result into text.
func formatNumber(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "INF"
	case math.IsInf(v, -1):
		return "-INF"
	case math.IsNaN(v):
		return "NAN"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatInt(int64(v), 10)
	}
	s := strconv.FormatFloat(v, 'G', 14, 64)
	if mant, exp, ok := strings.Cut(s, "E"); ok {
		if !strings.Contains(mant, ".") {
			mant += ".0"
		}
		return mant + "E" + exp
	}
	return s
}
