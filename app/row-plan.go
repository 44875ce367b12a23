package main

// rowMove puts a row before another, or at the end of the list when
// before is "".
type rowMove struct{ row, before string }

// planRows says how to turn the rows on screen (shown, in order) into the
// rows wanted, keeping every row that is in both: remove the rows no
// longer wanted, create the new ones, then apply moves in order (each
// puts a created row in place, or moves a kept one). Rows are named by
// unique keys. A row added or removed anywhere costs one step, and the
// rows around it are left alone; rows out of order cost one move each
// for those that come before them in the wanted order.
func planRows(shown, want []string) (remove, create []string, moves []rowMove) {
	wanted := make(map[string]bool, len(want))
	for _, k := range want {
		wanted[k] = true
	}
	kept := make(map[string]bool, len(shown))
	dom := make([]string, 0, len(shown))
	for _, k := range shown {
		if wanted[k] {
			dom = append(dom, k)
			kept[k] = true
		} else {
			remove = append(remove, k)
		}
	}
	// The list on screen is always want[:i] placed, then dom[j:] less the
	// rows already moved out of it.
	moved := make(map[string]bool)
	j := 0
	for _, k := range want {
		for j < len(dom) && moved[dom[j]] {
			j++
		}
		if j < len(dom) && dom[j] == k {
			j++
			continue
		}
		before := ""
		if j < len(dom) {
			before = dom[j]
		}
		if kept[k] {
			moved[k] = true
		} else {
			create = append(create, k)
		}
		moves = append(moves, rowMove{row: k, before: before})
	}
	return remove, create, moves
}
