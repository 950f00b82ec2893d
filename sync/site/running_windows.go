//go:build windows

package site

import (
	"errors"

	"golang.org/x/sys/windows"
)

// running reports whether a process with this pid exists and has not
// ended. Access denied means it exists under another user.
func running(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true // cannot tell: keep its folder
	}
	return code == 259 // STILL_ACTIVE
}
