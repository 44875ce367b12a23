package main

// envTaggerWorker names the environment variable (go-app's app.Getenv in
// the browser) that holds the tagging worker's URL.
const envTaggerWorker = "GLOSSA_TAGGER_WORKER"

// envLibrary names the environment variable that holds the name of the
// library's IndexedDB database (library.DatabaseName): boot.js looks for
// it among the browser's databases as the page loads (sampleFirstKnown).
const envLibrary = "GLOSSA_LIBRARY"
