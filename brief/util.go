package brief

import "slices"

func sortIDs(ids []int64) { slices.Sort(ids) }

// uniqueIDs returns ids sorted without repeats.
func uniqueIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
