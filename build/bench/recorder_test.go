package main

import "testing"

func TestTasksIn(t *testing.T) {
	tasks := []longTask{{Start: 10, Duration: 60}, {Start: 100, Duration: 450}, {Start: 900, Duration: 51}, {Start: 2000, Duration: 80}}
	tests := []struct {
		name     string
		from, to float64
		n        int
		longest  float64
		tbt      float64
	}{
		{"all", 0, 3000, 4, 450, 10 + 400 + 1 + 30},
		{"a task running at the window's start counts", 101, 1000, 2, 450, 400 + 1},
		{"a task that ended before the window does not", 550, 1000, 1, 51, 1},
		{"a task that starts at the window's end counts", 900, 900, 1, 51, 1},
		{"none", 3000, 4000, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, longest, tbt := tasksIn(tasks, tt.from, tt.to)
			if n != tt.n || longest != tt.longest || tbt != tt.tbt {
				t.Errorf("tasksIn(%v, %v) = %d, %v, %v; want %d, %v, %v", tt.from, tt.to, n, longest, tbt, tt.n, tt.longest, tt.tbt)
			}
		})
	}
}

func TestQuietAfter(t *testing.T) {
	tests := []struct {
		name  string
		tasks []longTask
		ready float64
		want  float64
	}{
		{"no task: the ready point", nil, 500, 500},
		{"tasks before ready do not move it", []longTask{{0, 200}}, 500, 500},
		{"a task running over ready ends the load at its end", []longTask{{400, 300}}, 500, 700},
		{"tasks within the quiet second chain", []longTask{{1200, 100}, {2100, 60}}, 500, 2160},
		{"a task after a quiet second is not the load's", []longTask{{1200, 100}, {2400, 60}}, 500, 1300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quietAfter(tt.tasks, tt.ready, loadQuiet); got != tt.want {
				t.Errorf("quietAfter = %v, want %v", got, tt.want)
			}
		})
	}
}
