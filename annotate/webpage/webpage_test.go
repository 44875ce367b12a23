package webpage_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"glossa/annotate"
	"glossa/annotate/webpage"
)

const newsPage = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council votes on budget | Daily Example</title>
<meta property="og:title" content="Council  votes on budget">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<style>p { color: red }</style>
<script>document.write("<p>tracking</p>")</script>
</head><body>
<header><a href="/">Daily Example</a><nav><ul><li>Home</li><li>World</li></ul></nav></header>
<aside><p>Most read: something else entirely</p></aside>
<article>
  <h1>Council votes on budget</h1>
  <p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>
  <time datetime="2024-03-05T09:30:00Z">March 5, 2024</time>
  <p>The city council   approved
     the budget on Tuesday &amp; adjourned.</p>
  <div class="ad" aria-hidden="true"><p>Buy now!</p></div>
  <div hidden><p>Hidden teaser</p></div>
  <h2>What changes</h2>
  <ul><li>Parks get more money.</li><li>Roads get less.</li></ul>
  <blockquote><p>"It is a fair deal," the mayor said.</p></blockquote>
  <pre>  line one
    line two

line three</pre>
  <figure><img src="x.jpg" alt="The council"><figcaption>The council in session.</figcaption></figure>
  <noscript><p>Enable JavaScript</p></noscript>
  <form><p>Subscribe to our newsletter</p></form>
</article>
<footer><p>© Daily Example</p></footer>
</body></html>`

const densityPage = `<html><head><title>Storm hits coast</title></head><body>
<div id="menu"><p>Home</p></div>
<header><h1>Site name</h1></header>
<div class="content">
  <div class="author">Ann Lee</div>
  <p>A storm hit the coast on Monday night, cutting power to thousands.</p>
  <p>Crews worked through the night.</p>
</div>
<footer><p>Contact us</p></footer>
</body></html>`

func TestExtractHTML(t *testing.T) {
	latin1 := append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Caf`), 0xe9, '<', '/', 'p', '>')
	badUTF8 := []byte("<html><body><p>ok \xff bad</p></body></html>")
	tests := []struct {
		name    string
		raw     []byte
		want    webpage.Extracted
		wantErr error
		errHas  string
	}{
		{
			name: "news page",
			raw:  []byte(newsPage),
			want: webpage.Extracted{
				Title:  "Council votes on budget",
				Byline: "Jane Doe",
				Date:   "2024-03-05T09:30:00Z",
				Text: "Council votes on budget\n\nBy Jane Doe\n\n2024-03-05T09:30:00Z\n\n" +
					"The city council approved the budget on Tuesday & adjourned.\n\n" +
					"What changes\n\nParks get more money.\n\nRoads get less.\n\n" +
					"\"It is a fair deal,\" the mayor said.\n\n" +
					"  line one\n    line two\nline three\n\n" +
					"The council in session.",
			},
		},
		{
			name: "no article: density",
			raw:  []byte(densityPage),
			want: webpage.Extracted{
				Title:  "Storm hits coast",
				Byline: "Ann Lee",
				Text: "Storm hits coast\n\nBy Ann Lee\n\n" +
					"A storm hit the coast on Monday night, cutting power to thousands.\n\n" +
					"Crews worked through the night.",
			},
		},
		{
			name: "markup in text stays text",
			raw:  []byte(`<html><head><title>T</title></head><body><main><p>&lt;img src=x onerror=alert(1)&gt;</p></main></body></html>`),
			want: webpage.Extracted{
				Title: "T",
				Text:  "T\n\n<img src=x onerror=alert(1)>",
			},
		},
		{name: "latin-1 charset", raw: latin1, wantErr: annotate.ErrNotText, errHas: "ISO-8859-1"},
		{name: "meta charset", raw: []byte(`<meta charset="windows-1252"><p>hi</p>`), wantErr: annotate.ErrNotText, errHas: "windows-1252"},
		{name: "invalid UTF-8", raw: badUTF8, wantErr: annotate.ErrNotText, errHas: "byte 18"},
		{name: "empty body", raw: []byte(`<html><head><title>Nothing</title></head><body> </body></html>`), wantErr: annotate.ErrBadInput, errHas: "no article text"},
		{name: "empty input", raw: nil, wantErr: annotate.ErrBadInput, errHas: "no article text"},
		{name: "too big", raw: bytes.Repeat([]byte("a"), annotate.MaxTextBytes+1), wantErr: annotate.ErrBadInput, errHas: "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := webpage.Extract(tt.raw)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("err = %v, want %v containing %q", err, tt.wantErr, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != tt.want {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

// The text reads back as a Glossa document with headline, byline and
// dateline blocks.
func TestExtractHTMLBlocks(t *testing.T) {
	ex, err := webpage.Extract([]byte(newsPage))
	if err != nil {
		t.Fatal(err)
	}
	d := annotate.NewDocument(ex.Text)
	want := []annotate.BlockKind{annotate.Headline, annotate.Byline, annotate.Dateline, annotate.Paragraph}
	if len(d.Blocks) < len(want) {
		t.Fatalf("%d blocks", len(d.Blocks))
	}
	for i, k := range want {
		if d.Blocks[i].Kind != k {
			t.Errorf("block %d %q is %s, want %s", i, d.BlockText(i), d.Blocks[i].Kind, k)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(newsPage))
	f.Add([]byte(densityPage))
	f.Add([]byte("<p>&#13;x&#xfeff;<pre>a\r\n\r\n&#13;b</pre><p>\ufeffy"))
	f.Add([]byte(`<meta charset=latin1><p>x`))
	f.Add([]byte("<table><tr><td><p>a<table><tr><td><p>b</table></table>"))
	f.Add([]byte("<svg><p>x</p></svg><math><mi><p>y</p></mi></math><template><p>z</p></template>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ex, err := webpage.Extract(raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(ex.Text) {
			t.Fatalf("Text is not UTF-8: %q", ex.Text)
		}
		if n, err := annotate.NormalizeText([]byte(ex.Text)); err != nil || n != ex.Text {
			t.Fatalf("NormalizeText(Text) = %q, %v; Text = %q", n, err, ex.Text)
		}
	})
}
