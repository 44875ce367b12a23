// Command nermodel converts prose's built-in NER model to Glossa's compact
// model file, which compact.ParseModel (annotate/ner/compact) loads:
//
//	go run ./build/nermodel -out FILE
//
// It reports what the conversion kept and dropped on standard error.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"glossa/annotate/ner/nermodel"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("nermodel: ")
	out := flag.String("out", "", "write the model file to `FILE`")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	b, st, err := nermodel.Convert()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "nermodel: wrote %s: %d bytes; tagger: %d classes, %d tag dictionary words, %d features (%d dropped); classifier: %d labels, %d features from %d mapping entries (%d dropped); %d words\n",
		*out, len(b), st.Classes, st.TagWords, st.TaggerFeatures, st.TaggerDropped,
		st.Labels, st.MaxentFeatures, st.MaxentKeys, st.MaxentDropped, st.Words)
}
