package library

import (
	"encoding/json"
	"fmt"
	"strings"

	"glossa/annotate"
)

// Settings are the library's records that belong to no document: the
// reader's preferences, the model file they chose, what the model learned
// from them. Each is a record of the settings store (see the package
// documentation) under its name; the names below are the ones Glossa
// writes. (The store also keeps each document's orphans, under
// OrphansKey.)
const (
	// SettingPreferences holds the reader's preferences (the app's own
	// JSON object: their name and organisation, the model chosen).
	SettingPreferences = "preferences"
	// SettingModelFile holds a model file the reader chose: {"name": file
	// name, "data": the file's bytes, base64}.
	SettingModelFile = "model file"
)

// SettingChange sets one setting: its value as JSON, or, with a nil
// value, deletes it. It is a Change of its own (Change.Setting), so that
// it is saved atomically with the changes beside it.
type SettingChange struct {
	Name  string
	Value json.RawMessage // nil deletes the setting
}

// checkSettingName refuses a setting name that is empty, too long, or
// another kind of settings record's (an orphans or a learned record's).
func checkSettingName(name string) error {
	if strings.TrimSpace(name) == "" || len(name) > 200 || strings.HasPrefix(name, OrphansKey("")) || strings.HasPrefix(name, learnedPrefix) {
		return fmt.Errorf("%w: %q is no setting name", annotate.ErrBadInput, name)
	}
	return nil
}

// ReadSetting returns the value of a setting as r reads it: ok is false
// when it was never set. A record that cannot be read is an error wrapping
// ErrCorrupt or ErrNewerSchema, naming it.
func ReadSetting(r RecordReader, name string) (value json.RawMessage, ok bool, err error) {
	if err := checkSettingName(name); err != nil {
		return nil, false, err
	}
	raw, ok, err := r.Get(StoreSettings, name)
	if err != nil || !ok {
		return nil, false, err
	}
	v, err := DecodeSetting(raw)
	if err != nil {
		return nil, false, problem(RawRecord{StoreSettings, name, raw}, err)
	}
	return v, true, nil
}

// planSetting plans a setting's change: its record's put, or its delete.
// A record of a newer schema is neither overwritten nor deleted.
func planSetting(r RecordReader, s SettingChange) ([]Write, error) {
	if err := checkSettingName(s.Name); err != nil {
		return nil, err
	}
	if old, ok, err := r.Get(StoreSettings, s.Name); err != nil {
		return nil, err
	} else if ok {
		if err := checkOverwrite(StoreSettings, s.Name, "", old); err != nil {
			return nil, err
		}
	}
	if s.Value == nil {
		return []Write{{Store: StoreSettings, Key: s.Name, Delete: true}}, nil
	}
	raw, err := EncodeSetting(s.Value)
	if err != nil {
		return nil, fmt.Errorf("setting %q: %w", s.Name, err)
	}
	return []Write{{Store: StoreSettings, Key: s.Name, Raw: raw}}, nil
}
