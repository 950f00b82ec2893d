package mwtest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// testSettings are appended to the installer's LocalSettings.php. They make
// the wiki predictable for tests: no caches that hide a change, no rate
// limits, no background jobs (which would add requests to the server log),
// and revision deletion and suppression for sysops. SQLite never fsyncs:
// a test wiki need not survive a power cut, and on a busy disk each fsync
// of an import's many commits costs more than the rest of the import.
const testSettings = `
# Added by internal/mwtest.
$wgEnableUploads = false;
$wgEnableEmail = false;
$wgPingback = false;
$wgShowExceptionDetails = true;
$wgMainCacheType = CACHE_NONE;
$wgParserCacheType = CACHE_NONE;
$wgMessageCacheType = CACHE_NONE;
$wgSessionCacheType = CACHE_DB;
$wgJobRunRate = 0;
$wgRateLimits = [];
$wgPasswordAttemptThrottle = false;
$wgGroupPermissions['sysop']['deleterevision'] = true;
$wgGroupPermissions['sysop']['suppressrevision'] = true;
$wgGroupPermissions['sysop']['noratelimit'] = true;
$wgGroupPermissions['user']['noratelimit'] = true;
$wgDBservers = [ [
	'host' => '', 'user' => '', 'password' => '', 'dbname' => $wgDBname,
	'type' => 'sqlite', 'load' => 1, 'flags' => DBO_DEFAULT,
	'variables' => [ 'synchronous' => 'OFF' ],
] ];
$wgObjectCaches[CACHE_DB]['server']['variables']['synchronous'] = 'OFF';
$wgLocalisationCacheConf['storeServer']['variables']['synchronous'] = 'OFF';
$wgJobTypeConf['default']['server']['variables']['synchronous'] = 'OFF';
require __DIR__ . '/ServerSettings.php';
`

// install runs install.php into w.Dir and appends testSettings.
func (w *Wiki) install() error {
	// The server URL is rewritten by ServerSettings.php once a port is
	// known; install.php only needs a syntactically valid one.
	_, err := w.maintenance(nil, "install.php",
		"--dbtype", "sqlite", "--dbpath", w.Dir, "--dbname", "wiki",
		"--server", "http://127.0.0.1", "--scriptpath", "",
		"--pass", w.Password, "--confpath", w.Dir, "Test Wiki", AdminUser)
	if err != nil {
		return fmt.Errorf("install MediaWiki in %s: %w", w.Dir, err)
	}
	f, err := os.OpenFile(w.configFile(), os.O_WRONLY|os.O_APPEND, 0)
	if err == nil {
		_, err = io.WriteString(f, testSettings)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("append test settings to %s: %w", w.configFile(), err)
	}
	return writeServerSettings(w.Dir, "http://127.0.0.1")
}

// writeServerSettings points $wgServer at the port php -S listens on, so
// URLs MediaWiki prints (and maintenance scripts use) are right, and keeps
// uploaded files in this wiki's own folder, served under imagesPath by
// the router script (the package's shared images folder is not ours).
func writeServerSettings(dir, base string) error {
	images := filepath.Join(dir, "images")
	php := fmt.Sprintf("<?php\n# Written by internal/mwtest.\n$wgServer = %q;\n$wgUploadDirectory = %q;\n$wgUploadPath = %q;\n",
		base, images, imagesPath)
	path := filepath.Join(dir, "ServerSettings.php")
	if err := os.WriteFile(path, []byte(php), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	router := fmt.Sprintf(routerPHP, imagesPath+"/", len(imagesPath)+1, images+"/")
	path = filepath.Join(dir, "router.php")
	if err := os.WriteFile(path, []byte(router), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// imagesPath is the URL path uploaded files are served under.
const imagesPath = "/mwtest-images"

// routerPHP serves uploaded files from the wiki's folder and hands every
// other request to php -S as usual (return false), so api.php and
// index.php run as without a router. php -S does not log the requests a
// router answers itself, so it logs them in php's own format, for
// Requests to count.
const routerPHP = `<?php
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strncmp($path, %[1]q, strlen(%[1]q)) !== 0) {
	return false;
}
$file = %[3]q . substr($path, %[2]d);
$status = (strpos($path, '..') === false && is_file($file)) ? 200 : 404;
http_response_code($status);
if ($status === 200) {
	header('Content-Type: application/octet-stream');
	header('Content-Length: ' . filesize($file));
	readfile($file);
}
file_put_contents('php://stderr', sprintf("[%%s] %%s:%%d [%%d]: GET %%s\n",
	date('D M j H:i:s Y'), $_SERVER['REMOTE_ADDR'], $_SERVER['REMOTE_PORT'], $status, $_SERVER['REQUEST_URI']));
return true;
`

// maintenance runs a maintenance script against this wiki and returns its
// standard output. The error carries the script's output to explain itself.
func (w *Wiki) maintenance(stdin io.Reader, script string, args ...string) (string, error) {
	cmd := php(append([]string{filepath.Join(Root, "maintenance", script)}, args...)...)
	// install.php must not read a half-written config; every other script
	// must read this wiki's.
	if script != "install.php" {
		cmd.Env = append(os.Environ(), "MW_CONFIG_FILE="+w.configFile())
	}
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("maintenance/%s: %w\n%s%s", script, err, stdout.String(), stderr.String())
	}
	return stdout.String(), nil
}

// cacheRoot holds templates and PHP's compiled-script cache, shared by
// every test binary on the machine.
func cacheRoot() string { return filepath.Join(os.TempDir(), "wikisite-mwtest") }

// php runs php with opcache and its on-disk file cache. Compiling
// MediaWiki's PHP is most of what a fresh php process costs; the file
// cache lets every server and maintenance script after the first skip it.
func php(args ...string) *exec.Cmd {
	opts := []string{
		"-d", "opcache.enable=1", "-d", "opcache.enable_cli=1",
		"-d", "opcache.file_cache=" + filepath.Join(cacheRoot(), "opcache"),
	}
	return exec.Command("php", append(opts, args...)...)
}

func containsLine(s, line string) bool {
	for l := range strings.Lines(s) {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}
