#!/usr/bin/python3
"""Peer for bench/: fetch every revision of the given pages with Debian's
python3-mwclient and write each text to OUT/<title>/<revid>.wiki, as a
simple mirror would. It has no incremental mode: every run fetches all.

Usage: mwclient_fetch.py API_URL OUT_DIR TITLE...
"""
import os
import sys
import urllib.parse

import mwclient


def main():
    api, out, titles = sys.argv[1], sys.argv[2], sys.argv[3:]
    u = urllib.parse.urlsplit(api)
    site = mwclient.Site(u.netloc, path=u.path.rsplit("/", 1)[0] + "/", scheme=u.scheme,
                         clients_useragent="wikisite-bench mwclient peer")
    n = 0
    for title in titles:
        folder = os.path.join(out, title.replace("/", "%2F"))
        os.makedirs(folder, exist_ok=True)
        revs = site.pages[title].revisions(
            dir="newer", limit=50, slots="main",
            prop="ids|timestamp|user|comment|sha1|size|flags|content")
        for rev in revs:
            main_slot = rev.get("slots", {}).get("main", rev)
            with open(os.path.join(folder, "%d.wiki" % rev["revid"]), "w", encoding="utf-8") as f:
                f.write(main_slot["*"])
            n += 1
    print("%d revisions" % n)


if __name__ == "__main__":
    main()
