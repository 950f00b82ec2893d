package mwtest

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// usersScript is createAndPromote.php for many users in one php process:
// each process start costs about a third of a second, and Import creates
// every user a dump names. It reads "name<TAB>group,group" lines on stdin
// and gives every user the password in MWTEST_PASSWORD.
const usersScript = `<?php
// Written by internal/mwtest.
require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

use MediaWiki\Auth\AuthManager;
use MediaWiki\MediaWikiServices;

class MwtestUsers extends Maintenance {
	public function execute() {
		$password = getenv( 'MWTEST_PASSWORD' );
		$services = MediaWikiServices::getInstance();
		foreach ( explode( "\n", trim( stream_get_contents( STDIN ) ) ) as $line ) {
			[ $name, $groups ] = explode( "\t", $line . "\t" );
			$user = $services->getUserFactory()->newFromName( $name );
			if ( !$user ) {
				$this->fatalError( "invalid user name \"$name\"" );
			}
			if ( $user->idForName() === 0 ) {
				$status = $services->getAuthManager()->autoCreateUser(
					$user, AuthManager::AUTOCREATE_SOURCE_MAINT, false );
				if ( !$status->isGood() ) {
					$this->fatalError( "create user \"$name\": " . $status->getMessage( false, false, 'en' )->text() );
				}
				SiteStatsUpdate::factory( [ 'users' => 1 ] )->doUpdate();
			}
			$status = $user->changeAuthenticationData( [
				'username' => $user->getName(), 'password' => $password, 'retype' => $password ] );
			if ( !$status->isGood() ) {
				$this->fatalError( "set password of \"$name\": " . $status->getMessage( false, false, 'en' )->text() );
			}
			$user->saveSettings();
			$services->getUserGroupManager()->addUserToMultipleGroups(
				$user, array_filter( explode( ',', $groups ) ) );
		}
	}
}

$maintClass = MwtestUsers::class;
require_once RUN_MAINTENANCE_IF_MAIN;
`

// CreateUser creates user, or resets its password, with w.Password and
// adds it to groups such as "sysop" or "bot", so tests can act as that user.
// Creating an existing user again is harmless.
func (w *Wiki) CreateUser(tb testing.TB, user string, groups ...string) {
	tb.Helper()
	w.mustCreateUsers(tb, map[string][]string{user: groups})
}

// mustCreateUsers creates users (name to groups) in one php process.
func (w *Wiki) mustCreateUsers(tb testing.TB, users map[string][]string) {
	tb.Helper()
	var stdin strings.Builder
	for name, groups := range users {
		if strings.ContainsAny(name, "\t\n") {
			tb.Fatalf("mwtest: user name %q holds a tab or newline", name)
		}
		fmt.Fprintf(&stdin, "%s\t%s\n", name, strings.Join(groups, ","))
	}
	script := filepath.Join(w.Dir, "mwtest-users.php")
	if err := os.WriteFile(script, []byte(usersScript), 0o644); err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	cmd := php(script)
	cmd.Env = append(os.Environ(), "MW_CONFIG_FILE="+w.configFile(),
		"MW_INSTALL_PATH="+Root, "MWTEST_PASSWORD="+w.Password)
	cmd.Stdin = strings.NewReader(stdin.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("mwtest: create users %q: %v\n%s", slices.Sorted(maps.Keys(users)), err, out)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for name := range users {
		w.users[name] = true
	}
}
