package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/library"
)

// Settings: the reader's name and organisation (the creator of their
// annotations, the author of their exports), and the entity model that
// tags their articles: Glossa's news model, prose's, or a model file of
// their own (glossa train makes one), kept in the library. Saved with the
// library; a change of model re-tags the open article.
const (
	actionShowSettings    = "show-settings"     // bool: show or hide the settings panel
	actionSetReader       = "set-reader"        // readerIdentity
	actionSetReviewURL    = "set-review-url"    // string: the open article's review URL, "" for none
	actionChooseModel     = "choose-model"      // string: "news", "prose" or "file"
	actionAddModelFile    = "add-model-file"    // app.Value: the File
	actionRemoveModelFile = "remove-model-file" // no value
	// stateSettings holds a settingsState.
	stateSettings = "settings"
)

// The models a reader can choose.
const (
	modelNews  = "news"  // Glossa's news model, the default
	modelProse = "prose" // prose's model
	modelFile  = "file"  // the reader's own model file
)

// readerIdentity is who the reader is, for their annotations and exports.
type readerIdentity struct {
	Name string `json:"name"`
	Org  string `json:"org"`
}

// preferences are the settings saved with the library
// (library.SettingPreferences).
type preferences struct {
	readerIdentity
	Model string `json:"model"` // modelNews ("" too), modelProse or modelFile
	// Learning says whether the model learns from the reader's
	// corrections (nil: yes, the default).
	Learning *bool `json:"learning,omitempty"`
}

// modelFileSetting is a model file kept in the library
// (library.SettingModelFile).
type modelFileSetting struct {
	Name string `json:"name"`
	Data []byte `json:"data"` // base64 in JSON
}

// maxModelBytes is the largest model file Glossa keeps.
const maxModelBytes = 64 << 20

// settingsState is what the reader sees of the settings.
type settingsState struct {
	Shown     bool
	Prefs     preferences
	ModelFile string // the name of the reader's model file, if one is kept
	// Recognizer names the model the tagger runs now, as it names itself;
	// "" while it loads. ModelProblem says why the chosen one did not load.
	Recognizer   string
	ModelProblem string
	// ReviewURL is the open article's review URL (library.DocMeta's): the
	// page where the reader publishes their fact check of it, the "url" of
	// its ClaimReview export.
	ReviewURL string
}

// settingsFeature is the settings feature.
type settingsFeature struct {
	st        settingsState
	modelData []byte // the reader's model file, while kept
}

// settings is the page's settings feature.
var settings = &settingsFeature{}

// mount registers the settings' actions on the page.
func (s *settingsFeature) mount(ctx app.Context) {
	ctx.Handle(actionShowSettings, func(ctx app.Context, a app.Action) {
		s.st.Shown, _ = a.Value.(bool)
		s.publish(ctx)
	})
	ctx.Handle(actionSetReader, s.handleSetReader)
	ctx.Handle(actionSetReviewURL, s.handleSetReviewURL)
	ctx.Handle(actionChooseModel, s.handleChooseModel)
	ctx.Handle(actionAddModelFile, s.handleAddModelFile)
	ctx.Handle(actionRemoveModelFile, s.handleRemoveModelFile)
}

func (s *settingsFeature) publish(ctx app.Context) { ctx.SetState(stateSettings, s.st) }

// open reads the settings from the library, once it is open, and sets the
// model the tagger runs.
func (s *settingsFeature) open(ctx app.Context, store library.Store) {
	ctx.Async(func() {
		var prefs preferences
		var file modelFileSetting
		var problems []string
		if v, ok, err := store.Setting(library.SettingPreferences); err != nil {
			problems = append(problems, explain(err))
		} else if ok {
			if err := json.Unmarshal(v, &prefs); err != nil {
				problems = append(problems, "the saved preferences cannot be read")
			}
		}
		if v, ok, err := store.Setting(library.SettingModelFile); err != nil {
			problems = append(problems, explain(err))
		} else if ok {
			if err := json.Unmarshal(v, &file); err != nil {
				problems = append(problems, "the saved model file cannot be read")
			}
		}
		var learned []library.Learned
		if ls, ok := store.(library.LearnedStore); ok {
			recs, bad, err := ls.Learned()
			if err != nil || len(bad) > 0 {
				problems = append(problems, "some of what the model learned cannot be read")
			}
			learned = recs
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.st.Prefs, s.st.ModelFile, s.modelData = prefs, file.Name, file.Data
			learning.records = learned
			learning.st.On = prefs.Learning == nil || *prefs.Learning
			if len(problems) > 0 {
				say(ctx, "Some settings could not be read ("+strings.Join(problems, "; ")+"); Glossa uses its defaults for them.")
			}
			editing.reader = annotate.Reader(prefs.Name)
			s.publish(ctx)
			s.useModel(ctx)
		})
	})
}

// useModel makes the tagger run the chosen model; once it runs, the open
// article is tagged again if its suggestions came from another.
func (s *settingsFeature) useModel(ctx app.Context) {
	source, data := s.st.Prefs.Model, []byte(nil)
	switch source {
	case modelProse:
	case modelFile:
		if s.modelData == nil {
			source = modelNews
		}
		data = s.modelData
	default:
		source = modelNews
	}
	s.st.Recognizer, s.st.ModelProblem = "", ""
	s.publish(ctx)
	taggerWorker().useModel(source, data, func(recognizer string, learns bool, problem string) {
		ctx.Dispatch(func(ctx app.Context) {
			s.st.Recognizer, s.st.ModelProblem = recognizer, problem
			s.publish(ctx)
			if problem != "" {
				sayFailed(ctx, "The chosen model did not load", errorOf(problem))
			}
			learning.modelLoaded(ctx, learns && problem == "")
			lib.modelReady(ctx, recognizer)
		})
	})
}

// modelSettled reports whether the tagger runs the model the settings
// choose, or failed to load it (and runs its default): tagging can start.
func (s *settingsFeature) modelSettled() bool {
	return s.st.Recognizer != "" || s.st.ModelProblem != ""
}

// save writes the preferences to the library.
func (s *settingsFeature) save(ctx app.Context, report string) {
	if !lib.isOpen {
		lib.whenOpen(ctx, func(ctx app.Context) { s.save(ctx, report) })
		return
	}
	v, _ := json.Marshal(s.st.Prefs)
	store := lib.store
	ctx.Async(func() {
		err := store.Apply(library.Change{Setting: &library.SettingChange{Name: library.SettingPreferences, Value: v}})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Settings not saved", err)
				return
			}
			say(ctx, report)
		})
	})
}

// handleSetReader sets the reader's name and organisation: the creator
// of the annotations they make from now on.
func (s *settingsFeature) handleSetReader(ctx app.Context, a app.Action) {
	who, ok := a.Value.(readerIdentity)
	if !ok {
		return
	}
	who.Name, who.Org = oneLine(who.Name), oneLine(who.Org)
	if len([]rune(who.Name)) > annotate.MaxName || len([]rune(who.Org)) > annotate.MaxName {
		sayFailed(ctx, "Not saved", problem("a name or an organisation can be at most %d characters", annotate.MaxName))
		return
	}
	s.st.Prefs.readerIdentity = who
	editing.reader = annotate.Reader(who.Name)
	s.publish(ctx)
	s.save(ctx, "Saved: your annotations from now on are "+pick(who.Name == "", "unsigned", "signed “"+who.Name+"”")+".")
}

// articleOpened shows the review URL of the article just opened.
func (s *settingsFeature) articleOpened(ctx app.Context, reviewURL string) {
	if s.st.ReviewURL != reviewURL {
		s.st.ReviewURL = reviewURL
		s.publish(ctx)
	}
}

// handleSetReviewURL sets the open article's review URL, kept with the
// article in the library (and carried in its W3C export).
func (s *settingsFeature) handleSetReviewURL(ctx app.Context, a app.Action) {
	raw, _ := a.Value.(string)
	doc := editing.st.Doc
	if doc == nil || !lib.ready(ctx, a) {
		return
	}
	u := ""
	if strings.TrimSpace(raw) != "" {
		var err error
		if u, err = annotate.CanonicalURL(raw); err != nil {
			s.publish(ctx) // the field shows the URL kept
			sayFailed(ctx, "Review URL not saved", problem("the review URL must be the web address of your fact check, starting with http:// or https://, such as https://example.org/fact-check"))
			return
		}
	}
	store, id := lib.store, doc.ID
	ctx.Async(func() {
		stored, _, err := store.Load(id)
		if err == nil {
			meta := stored.Meta
			meta.ReviewURL = u
			err = store.Apply(library.Change{DocID: id, PutMeta: &meta})
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Review URL not saved", err)
				return
			}
			if d := editing.st.Doc; d != nil && d.ID == id {
				s.st.ReviewURL = u
				s.publish(ctx)
			}
			lib.tabs.announce(id)
			say(ctx, pick(u == "", "This article has no review URL now.", "Saved: this article's claim reviews are published at "+u+"."))
		})
	})
}

// handleChooseModel switches the tagger to another model and saves the
// choice.
func (s *settingsFeature) handleChooseModel(ctx app.Context, a app.Action) {
	choice, _ := a.Value.(string)
	switch choice {
	case modelNews, modelProse:
	case modelFile:
		if s.modelData == nil {
			sayFailed(ctx, "Not changed", problem("no model file is kept: add one first"))
			return
		}
	default:
		return
	}
	s.st.Prefs.Model = choice
	s.save(ctx, "The entity model is now "+modelName(choice, s.st.ModelFile)+"; the open article is tagged again.")
	s.useModel(ctx)
}

// handleAddModelFile keeps a model file the reader picked and tags with
// it, once the tagger has loaded it (a file that is no model is refused,
// and nothing changes).
func (s *settingsFeature) handleAddModelFile(ctx app.Context, a app.Action) {
	f, ok := a.Value.(app.Value)
	if !ok || !lib.ready(ctx, a) {
		return
	}
	name := jsString(f.Get("name"))
	if f.Get("size").Float() > maxModelBytes {
		sayFailed(ctx, "Model not added", problem("%s is %s; Glossa takes model files up to %s", name, humanBytes(f.Get("size").Float()), humanBytes(maxModelBytes)))
		return
	}
	store := lib.store
	ctx.Async(func() {
		data, err := readFile(f)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Model not added", fmt.Errorf("%s: %w", name, err))
				return
			}
			// Try it first: the tagger says whether it is a model.
			taggerWorker().useModel(modelFile, data, func(recognizer string, learns bool, why string) {
				ctx.Dispatch(func(ctx app.Context) {
					if why != "" {
						sayFailed(ctx, "Model not added", problem("%s: %s", name, why))
						s.useModel(ctx) // back to the model chosen before
						return
					}
					v, _ := json.Marshal(modelFileSetting{Name: name, Data: data})
					prefs := s.st.Prefs
					prefs.Model = modelFile
					p, _ := json.Marshal(prefs)
					ctx.Async(func() {
						err := store.ApplyAll([]library.Change{
							{Setting: &library.SettingChange{Name: library.SettingModelFile, Value: v}},
							{Setting: &library.SettingChange{Name: library.SettingPreferences, Value: p}},
						})
						ctx.Dispatch(func(ctx app.Context) {
							if err != nil {
								sayFailed(ctx, "Model not added", err)
								s.useModel(ctx)
								return
							}
							s.modelData, s.st.ModelFile, s.st.Prefs = data, name, prefs
							s.st.Recognizer, s.st.ModelProblem = recognizer, ""
							s.publish(ctx)
							say(ctx, "Added "+name+" ("+recognizer+"): it tags your articles from now on; the open article is tagged again.")
							learning.modelLoaded(ctx, learns)
							lib.modelReady(ctx, recognizer)
						})
					})
				})
			})
		})
	})
}

// handleRemoveModelFile drops the reader's model file; the news model
// tags again if the file was the one in use.
func (s *settingsFeature) handleRemoveModelFile(ctx app.Context, a app.Action) {
	if s.modelData == nil || !lib.ready(ctx, a) {
		return
	}
	prefs := s.st.Prefs
	if prefs.Model == modelFile {
		prefs.Model = modelNews
	}
	p, _ := json.Marshal(prefs)
	store, name := lib.store, s.st.ModelFile
	ctx.Async(func() {
		err := store.ApplyAll([]library.Change{
			{Setting: &library.SettingChange{Name: library.SettingModelFile}},
			{Setting: &library.SettingChange{Name: library.SettingPreferences, Value: p}},
		})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not removed", err)
				return
			}
			wasUsed := s.st.Prefs.Model == modelFile
			s.modelData, s.st.ModelFile, s.st.Prefs = nil, "", prefs
			s.publish(ctx)
			say(ctx, "Removed "+name+".")
			if wasUsed {
				s.useModel(ctx)
			}
		})
	})
}

// modelName names a model choice for the reader.
func modelName(choice, file string) string {
	switch choice {
	case modelProse:
		return "prose's"
	case modelFile:
		return "your model (" + file + ")"
	}
	return "Glossa's news model"
}

// oneLine trims s and joins its lines and runs of white space with one
// space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// errorOf is a reader's sentence as an error, for sayFailed.
func errorOf(sentence string) error { return problem("%s", sentence) }
