// Command newseval scores an entity model (the built-in one by default)
// on the CoNLL-2003 English dev split and prints the tables the model's
// note quotes:
//
//	go run ./build/newseval -conll DIR [-model FILE]
//
// It prints precision, recall and F1 per type on CoNLL's own types (exact
// spans: the CoNLL measure), the same in Glossa's labels after the label
// mapping, how CoNLL's types map, and the model's size raw and compressed.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/andybalholm/brotli"

	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("newseval: ")
	dir := flag.String("conll", "", "folder of the CoNLL-2003 English data, with valid.txt")
	model := flag.String("model", "", "the model `FILE` (default: the built-in model)")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	data := builtin.File
	if *model != "" {
		var err error
		if data, err = os.ReadFile(*model); err != nil {
			log.Fatal(err)
		}
	}
	m, err := news.ParseModel(data)
	if err != nil {
		log.Fatal(err)
	}
	dev, err := news.ReadCoNLLFile(filepath.Join(*dir, "valid.txt"))
	if err != nil {
		log.Fatal(err)
	}
	tokens := 0
	for _, d := range dev {
		for _, s := range d {
			tokens += len(s.Words)
		}
	}
	t0 := time.Now()
	sc := m.Evaluate(dev)
	elapsed := time.Since(t0)
	fmt.Printf("model: %s (%s)\n", m.Info().Name, m.Info().Trained)
	fmt.Printf("CoNLL-2003 dev, %d documents, %d tokens; CoNLL's types, exact spans:\n", len(dev), tokens)
	sc.WriteTable(os.Stdout)
	fmt.Printf("typed exact-span F1: %.4f (tagged at %.0f tokens/s)\n\n", sc.Overall.F1(), float64(tokens)/elapsed.Seconds())

	mapped, mapping := news.New(m).EvaluateMapped(dev)
	fmt.Println("Glossa's labels (model and gold entities both through the label mapping):")
	mapped.WriteTable(os.Stdout)
	fmt.Printf("typed exact-span F1: %.4f\n\n", mapped.Overall.F1())
	fmt.Println("how the gold entities' types map:")
	keys := make([]string, 0, len(mapping))
	for k := range mapping {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-12s %5d\n", k, mapping[k])
	}
	var br, gz bytes.Buffer
	w := brotli.NewWriterLevel(&br, 11)
	w.Write(data)
	w.Close()
	g, _ := gzip.NewWriterLevel(&gz, 9)
	g.Write(data)
	g.Close()
	fmt.Printf("\nmodel file: %d bytes raw, %d brotli (-q 11), %d gzip (-9)\n", len(data), br.Len(), gz.Len())
}
