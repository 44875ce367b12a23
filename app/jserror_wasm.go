package main

import "syscall/js"

// thrownError turns what a JavaScript call threw (recovered as a panic)
// into a jsError with the exception's name, such as QuotaExceededError.
func thrownError(r any) error {
	if e, ok := r.(js.Error); ok {
		return &jsError{name: e.Get("name").String(), message: e.Get("message").String()}
	}
	return nil
}
