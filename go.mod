module github.com/wikisite/wikisite

go 1.26.0

require (
	cgt.name/pkg/go-mwclient v1.3.0 // indirect
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/antonholmquist/jason v1.0.0 // indirect
	github.com/mrjones/oauth v0.0.0-20190623134757-126b35219450 // indirect
	github.com/sergi/go-diff v1.4.0 // indirect
)
