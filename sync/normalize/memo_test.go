package normalize

import "testing"

func TestMemoForgetsOldestPastBudget(t *testing.T) {
	tests := []struct {
		name   string
		budget int
		puts   []string
		kept   []string
		gone   []string
	}{
		{"within budget", 10, []string{"ab", "cd", "ef"}, []string{"ab", "cd", "ef"}, nil},
		{"oldest first", 4, []string{"ab", "cd", "ef"}, []string{"cd", "ef"}, []string{"ab"}},
		{"newest kept even alone over budget", 2, []string{"ab", "cdefgh"}, []string{"cdefgh"}, []string{"ab"}},
		{"replacing a key does not count it twice", 4, []string{"ab", "ab", "cd"}, []string{"ab", "cd"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMemo(tt.budget, func(k string, _ int) int { return len(k) })
			for i, k := range tt.puts {
				m.put(k, i)
			}
			for _, k := range tt.kept {
				if _, ok := m.get(k); !ok {
					t.Errorf("%q forgotten, want kept", k)
				}
			}
			for _, k := range tt.gone {
				if _, ok := m.get(k); ok {
					t.Errorf("%q kept, want forgotten", k)
				}
			}
			if m.used > tt.budget && len(m.m) > 1 {
				t.Errorf("used %d over budget %d with %d entries", m.used, tt.budget, len(m.m))
			}
		})
	}
}

func TestMemoCompactsItsOrder(t *testing.T) {
	m := newMemo(8, func(k int, _ int) int { return 1 })
	for i := range 10000 {
		m.put(i, i)
	}
	if len(m.m) != 8 {
		t.Fatalf("holds %d entries, want 8", len(m.m))
	}
	if len(m.order) > 32 {
		t.Errorf("order grew to %d keys for 8 entries: forgotten keys are not dropped", len(m.order))
	}
}
