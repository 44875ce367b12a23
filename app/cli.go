//go:build !wasm

package main

import (
	"fmt"
	"io"
)

const usage = `Glossa, the in-browser article annotator.

Usage:
  glossa serve [-addr 127.0.0.1:8000] [-dir SITE]
      Serve the static site (default: the site folder next to the program).
  glossa site -web DIR -out DIR
      Write the complete static site to -out, with the assets of -web.
  glossa annotate [--model prose|FILE] [--jsonl] [FILE...]
      Tag articles natively and print W3C Web Annotation JSON-LD: one
      AnnotationCollection per file (standard input if no file). With
      --jsonl, read {"id":…,"text":…} lines from standard input and write
      {"id":…,"entities":[{"start","end","label","text"}]} lines. The
      built-in news model tags by default; --model prose picks prose's,
      --model FILE a model glossa train wrote. Inputs over 4 MB stream,
      with progress on standard error.
  glossa pipeline --input=GLOB --output=PREFIX [--format=jsonl|w3c] [--runner=…]
      Tag a corpus as annotate --jsonl does, as an Apache Beam pipeline:
      in process by default, or on Flink, Spark or Dataflow. It runs the
      program glossa-pipeline (make pipeline builds it); see its --help.
  glossa train -o FILE [-dev FILE] [-epochs N] [-name NAME] FILE...
      Train an entity model of the built-in model's kind on CoNLL column
      files, doccano or spaCy JSONL, or Glossa W3C exports (the reader's
      own annotations), printing each pass and, with -dev, its scores.
  glossa train -base builtin|MODEL -o FILE [-complete] [-dev FILE] FILE...
      Continue from a model: learn the reader's corrections in library
      exports (their notes and decisions about suggestions, and what the
      model already learned from them in the browser, which a library's
      W3C export carries) and write the model with what was learned in it.
      -complete: the files mark every entity (doccano, spaCy, brat), so
      text no note covers is no entity.
  glossa export [-format w3c|doccano|spacy|brat|csv|claimreview] [-o FILE] FILE...
      Read Glossa W3C exports (or any file Glossa imports: W3C annotations,
      doccano or spaCy JSONL, brat zips or .ann files) and write them in
      one format, W3C JSON-LD by default, to FILE or standard output.
  glossa convert IN OUT
      Convert IN to OUT, the formats picked by the extensions: .jsonld,
      .doccano.jsonl (or .jsonl), .spacy.jsonl, .brat.zip (or .zip), .csv,
      .claimreview.jsonld.

Offsets are Unicode code points into the text as a reader sees it: a
byte-order mark is dropped and CRLF or CR line ends count as one LF.
`

// runCommand runs the command line and returns the exit status.
func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "serve":
		return serveCommand(args[1:], stderr)
	case "site":
		return siteCommand(args[1:], stderr)
	case "annotate":
		return annotateCommand(args[1:], stdin, stdout, stderr)
	case "pipeline":
		return pipelineCommand(args[1:], stdin, stdout, stderr)
	case "train":
		return trainCommand(args[1:], stdout, stderr)
	case "export":
		return exportCommand(args[1:], stdin, stdout, stderr)
	case "convert":
		return convertCommand(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "glossa: unknown command %q\n\n%s", args[0], usage)
	return 2
}
