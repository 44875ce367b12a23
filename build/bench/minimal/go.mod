// The benchmark's reference app is a module of its own, so that it builds
// against go-app v9.8.0 as published, not Glossa's trimmed copy
// (third_party/go-app, which the main module's go.mod puts in its place).
module glossa/build/bench/minimal

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/maxence-charriere/go-app/v9 v9.8.0
)

require github.com/google/uuid v1.3.0 // indirect
