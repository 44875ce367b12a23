package main

// envTaggerWorker names the environment variable (go-app's app.Getenv in
// the browser) that holds the tagging worker's URL.
const envTaggerWorker = "GLOSSA_TAGGER_WORKER"
