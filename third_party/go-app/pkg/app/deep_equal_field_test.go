package app

import (
	"math"
	"reflect"
	"testing"
)

// Glossa: deepEqualField says what reflect.DeepEqual says, for fields of
// every kind a component may have.
func TestDeepEqualField(t *testing.T) {
	type inner struct {
		N      int
		S      []string
		M      map[string]int
		hidden int
	}
	type exported struct {
		A string
		B []float64
		C [2]int
		D *int
	}
	type tree struct{ Kids []tree }
	loop := make([]tree, 1)
	loop[0].Kids = loop
	loop2 := make([]tree, 1)
	loop2[0].Kids = loop2
	one, two := 1, 1
	shared := []string{"x", "y"}
	sharedMap := map[string]int{"a": 1}
	fn := func() {}
	cases := []struct {
		name string
		a, b any
	}{
		{"equal ints", 3, 3},
		{"different ints", 3, 4},
		{"uints", uint8(1), uint8(2)},
		{"NaN", math.NaN(), math.NaN()},
		{"floats", 1.5, 1.5},
		{"strings", "a", "a"},
		{"different strings", "a", "b"},
		{"bools", true, false},
		{"same slice", shared, shared},
		{"equal slices apart", []string{"x", "y"}, []string{"x", "y"}},
		{"different slices", []string{"x", "y"}, []string{"x", "z"}},
		{"nil and empty slice", []string(nil), []string{}},
		{"empty slices", []string{}, []string{}},
		{"shorter slice", shared[:1], shared},
		{"same map", sharedMap, sharedMap},
		{"equal maps apart", map[string]int{"a": 1}, map[string]int{"a": 1}},
		{"nil and empty map", map[string]int(nil), map[string]int{}},
		{"different maps", map[string]int{"a": 1}, map[string]int{"a": 2}},
		{"same pointer", &one, &one},
		{"equal pointees", &one, &two},
		{"nil pointers", (*int)(nil), (*int)(nil)},
		{"equal structs", exported{"a", []float64{1}, [2]int{1, 2}, &one}, exported{"a", []float64{1}, [2]int{1, 2}, &two}},
		{"structs with NaN", exported{B: []float64{math.NaN()}}, exported{B: []float64{math.NaN()}}},
		{"different arrays", exported{C: [2]int{1, 2}}, exported{C: [2]int{1, 3}}},
		{"unexported fields equal", inner{N: 1, hidden: 2}, inner{N: 1, hidden: 2}},
		{"unexported fields differ", inner{N: 1, hidden: 2}, inner{N: 1, hidden: 3}},
		{"slices of structs", []inner{{N: 1, S: shared}}, []inner{{N: 1, S: []string{"x", "y"}}}},
		{"interfaces", any(1), any(1)},
		{"funcs", fn, fn},
		{"nil funcs", (func())(nil), (func())(nil)},
		{"a slice that holds itself", loop, loop2},
	}
	for _, c := range cases {
		a := reflect.ValueOf(&struct{ F any }{c.a}).Elem().Field(0).Elem()
		b := reflect.ValueOf(&struct{ F any }{c.b}).Elem().Field(0).Elem()
		if a.Kind() == reflect.Invalid || b.Kind() == reflect.Invalid {
			t.Fatalf("%s: no value", c.name)
		}
		want := reflect.DeepEqual(c.a, c.b)
		if got := deepEqualField(a, b); got != want {
			t.Errorf("%s: deepEqualField says %v, reflect.DeepEqual %v", c.name, got, want)
		}
	}
}
