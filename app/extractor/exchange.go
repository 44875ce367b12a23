package main

import (
	"bytes"
	"errors"

	"glossa/annotate/formats"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// exportFile builds the export req asks for from the library s: the file's
// name, media type and notes, and its bytes.
func exportFile(s library.Store, req remote.ExportRequest) (remote.ExportResult, []byte, error) {
	f, err := formats.FormatByName(req.Format)
	if err != nil {
		return remote.ExportResult{}, nil, err
	}
	var ids []string
	if req.DocID != "" {
		ids = []string{req.DocID}
	}
	b, err := formats.LoadBundle(s, ids...)
	if err != nil {
		return remote.ExportResult{}, nil, err
	}
	var buf bytes.Buffer
	if err := f.Export(b, &buf); err != nil {
		return remote.ExportResult{}, nil, err
	}
	res := remote.ExportResult{Name: formats.ExportFileName(req.Title, f, req.Now), MediaType: f.MediaType, Notes: f.ExportNotes(b)}
	return res, buf.Bytes(), nil
}

// importFile plans the import of a file into the library s (or its
// attachment to an article, req.AttachTo). A file whose annotations name
// no article of the library gives formats.ErrNoArticle, with, as the
// result's Offer, what attaching it to the open article would add, if
// anything.
func importFile(s library.Store, req remote.ImportRequest, data []byte) (remote.ImportResult, error) {
	if req.AttachTo != "" {
		changes, rep, err := formats.PlanAttach(s, req.Name, data, req.AttachTo, req.Now)
		if err != nil {
			return remote.ImportResult{}, err
		}
		return remote.ImportResult{Changes: changes, Report: reportOf(rep)}, nil
	}
	changes, rep, err := formats.PlanImport(s, req.Name, data, req.Now)
	if errors.Is(err, formats.ErrNoArticle) && req.Open != "" {
		// Its quotes may anchor in the open article, which the library
		// may know by another address.
		if _, attach, aerr := formats.PlanAttach(s, req.Name, data, req.Open, req.Now); aerr == nil && attach.Added > 0 {
			offer := reportOf(attach)
			return remote.ImportResult{Offer: &offer}, err
		}
	}
	if err != nil {
		return remote.ImportResult{}, err
	}
	return remote.ImportResult{Changes: changes, Report: reportOf(rep)}, nil
}

// reportOf is an import report as the page reads it.
func reportOf(r formats.ImportReport) remote.Report {
	return remote.Report{
		Format: r.Format.Name, Articles: r.Articles, Added: r.Added, Updated: r.Updated,
		KeptNewer: r.KeptNewer, Duplicates: r.Duplicates, Decisions: r.Decisions,
		Orphans: r.Orphans, Learned: r.Learned, Elsewhere: r.Elsewhere, ElsewhereSources: r.ElsewhereSources,
	}
}
