package claims

// sentence is a run of tokens [from, to) that ends with a full stop, a
// question or exclamation mark, or its block. Quotes stay whole: a sentence
// never ends inside a top-level quote, so a quote of three sentences and
// its attribution are one sentence, and a quote that runs over paragraphs
// joins them.
type sentence struct {
	from, to int
}

// splitSentences splits toks into sentences, appended to sents.
func splitSentences(toks []token, sents []sentence) []sentence {
	sents = sents[:0]
	from := 0
	for i := range toks {
		if i == from {
			continue
		}
		t := toks[i]
		prev := toks[i-1]
		if t.block != prev.block && !(t.quote >= 0 && t.quote == prev.quote) {
			sents = append(sents, sentence{from, i})
			from = i
			continue
		}
		if t.quote >= 0 && t.quote == prev.quote {
			continue
		}
		if endsSentence(toks, i) {
			sents = append(sents, sentence{from, i})
			from = i
		}
	}
	if from < len(toks) {
		sents = append(sents, sentence{from, len(toks)})
	}
	return sents
}

// endsSentence reports whether a sentence ends before toks[i], which is
// outside quotes or opens one: after a terminal mark (or a quote ending with
// one) and white space, before a capital, a digit or an opening quote.
func endsSentence(toks []token, i int) bool {
	t, prev := toks[i], toks[i-1]
	if prev.end == t.start {
		return false // no space between
	}
	starts := t.kind == tWord && (t.capital || t.low[0] >= '0' && t.low[0] <= '9') ||
		t.kind == tQuote && t.canOpen || t.text == "(" || t.text == "[" || t.text == "—"
	if !starts {
		return false
	}
	j := i - 1
	for j > 0 && (toks[j].text == ")" || toks[j].text == "]" || toks[j].kind == tQuote && toks[j].canClose) {
		j--
	}
	if !terminal(toks[j].text) {
		return false
	}
	// `“Who will pay?” Smith asked.`: an attribution after a quote that
	// ends in a question or exclamation mark is part of its sentence.
	if j < i-1 && prev.kind == tQuote && toks[j].text != "." {
		for k := i; k < len(toks) && k < i+6 && toks[k].block == t.block; k++ {
			if terminal(toks[k].text) || toks[k].kind == tQuote {
				break
			}
			if c, ok := lexicon()[toks[k].low]; ok && !c.base && c.form == formFinite {
				return false
			}
		}
	}
	return true
}

func terminal(s string) bool {
	return s == "." || s == "?" || s == "!" || s == "…"
}
