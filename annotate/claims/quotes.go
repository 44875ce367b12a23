package claims

// quote is a top-level quotation: the tokens between its marks. A quote may
// run over several blocks, when a paragraph ends inside it and the next one
// opens with a quote mark, as news style continues a long quotation.
type quote struct {
	open  int // token index of the opening mark
	close int // token index of the closing mark; -1 if it ends with its block unclosed
	first int // token index of the first token inside; first == last when empty
	last  int // token index after the last token inside
	start int // code points: just after the opening mark
	end   int // code points: at the closing mark, or the end of the last token inside
}

// pairQuotes pairs the quote marks of toks, sets each token's depth and
// quote (the index of the top-level quote holding it, marks included, or -1),
// and returns the top-level quotes in order. Double marks nest; single marks
// count only at the top level (inside double quotes they are the speaker's
// own nesting, and elsewhere mostly apostrophes), and only curly ones.
func pairQuotes(toks []token, quotes []quote) []quote {
	quotes = quotes[:0]
	var stack []int // token indices of open double marks
	cur := -1       // index in quotes of the open top-level quote
	block := -1
	for i := range toks {
		t := &toks[i]
		if t.block != block {
			if len(stack) > 0 {
				// The block ended inside a quote: it continues if this
				// block opens with a quote mark, else it ends unclosed.
				if t.kind == tQuote && t.double && t.canOpen {
					stack = stack[:1]
					t.depth, t.quote = 1, int32(cur)
					block = t.block
					continue
				}
				endQuote(quotes, cur, toks, i, -1)
				stack, cur = stack[:0], -1
			}
			block = t.block
		}
		if t.kind == tQuote && t.double {
			opening := t.canOpen && (!t.canClose || len(stack) == 0)
			switch {
			case opening:
				stack = append(stack, i)
				if len(stack) == 1 {
					cur = len(quotes)
					quotes = append(quotes, quote{open: i, first: i + 1, start: t.end})
				}
				t.depth, t.quote = int8(min(len(stack), 100)), int32(cur)
				continue
			case len(stack) > 0:
				t.depth, t.quote = int8(min(len(stack), 100)), int32(cur)
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					endQuote(quotes, cur, toks, i, i)
					cur = -1
				}
				continue
			}
			// A closing mark with no quote open: a stray mark.
		}
		if len(stack) > 0 {
			t.depth, t.quote = int8(min(len(stack), 100)), int32(cur)
		}
	}
	if len(stack) > 0 {
		endQuote(quotes, cur, toks, len(toks), -1)
	}
	return pairSingles(toks, quotes)
}

// endQuote closes quotes[q] before token index at; closeMark is the
// closing mark's index or -1.
func endQuote(quotes []quote, q int, toks []token, at, closeMark int) {
	qt := &quotes[q]
	qt.close = closeMark
	qt.last = at
	if closeMark >= 0 {
		qt.end = toks[closeMark].start
	} else if at > qt.first {
		qt.end = toks[at-1].end
	} else {
		qt.end = qt.start
	}
}

// pairSingles finds top-level quotes in curly single marks (British style,
// ‘…’) among the tokens outside double quotes, within one block, and merges
// them into quotes in order.
func pairSingles(toks []token, quotes []quote) []quote {
	var singles []quote
	open := -1
	for i := range toks {
		t := &toks[i]
		if t.quote >= 0 || t.kind != tQuote || t.double || t.text == "'" {
			if open >= 0 && (t.block != toks[open].block || t.quote >= 0) {
				open = -1
			}
			continue
		}
		if open >= 0 && t.block != toks[open].block {
			open = -1
		}
		switch {
		case open < 0 && t.canOpen && t.text != "’":
			open = i
		case open >= 0 && t.canClose:
			singles = append(singles, quote{open: open, close: i, first: open + 1, last: i,
				start: toks[open].end, end: t.start})
			open = -1
		}
	}
	if len(singles) == 0 {
		return quotes
	}
	merged := make([]quote, 0, len(quotes)+len(singles))
	i, j := 0, 0
	for i < len(quotes) || j < len(singles) {
		if j == len(singles) || i < len(quotes) && quotes[i].open < singles[j].open {
			merged = append(merged, quotes[i])
			i++
		} else {
			merged = append(merged, singles[j])
			j++
		}
	}
	for qi, q := range merged {
		end := q.last
		if q.close >= 0 {
			end = q.close + 1
		}
		for k := q.open; k < end; k++ {
			if toks[k].depth == 0 || toks[k].quote >= 0 {
				toks[k].quote = int32(qi)
				toks[k].depth = max(toks[k].depth, 1)
			}
		}
	}
	return merged
}
