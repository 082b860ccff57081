# menhu's messages in English. Every message here has the same id and the same
# placeholders in zh-Hans.ftl and zh-Hant.ftl (a test checks it). English is what
# `--format json` and `github` carry in `message`, so its wording is part of the
# machine-read output: change it only on purpose.

## The human rendering of a diagnostic

label-error = error
label-warning = warning
label-expected = expected
label-help = help
label-colon = {": "}
label-paren =
    .open = {" ("}
    .close = )
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }

## docs/diagnostics.md

doc-title = Diagnostic codes
doc-intro = Every problem menhu reports has a stable code. This page is generated from the registry in `src/diag/registry.rs` and the message catalogs (`cargo test --lib diagnostics_docs` checks it; `MENHU_UPDATE_DOCS=1` rewrites it). Errors stop the build (exit code 1); warnings are reported and the build goes on. An error on a page scheduled for later is reported as a warning, with the same code, until the page is due.
doc-code = Code
doc-severity = Severity
doc-trigger = What triggers it
doc-fix = Fix
stage-internal = Internal
stage-config = Configuration (site-config.toml)
stage-content = Content files and front matter
stage-portal = Site structure: places, URLs, organizations, series, menus
stage-templates = Templates and theme
stage-output = Output
stage-scaffold = menhu init and menhu new
stage-serve = Preview (menhu serve)
stage-deploy = Deploy (menhu deploy)
stage-check-links = menhu check: links and pages
stage-check-inspection = menhu check: government-website inspection rules
stage-check-wording = menhu check: wording


## Status lines of build, serve, init, new and check

build-done = built { $pages } pages, { $sections } sections: { $written } files written, { $copied } copied to `{ $output }` in { $took }
build-denied-warnings = error: the build has warnings and `--deny-warnings` was given
serve-listening = serving the site at { $address }/ (press Ctrl-C to stop)
serve-reachable = warning: serving on { $bind } makes the preview reachable from other machines
serve-rebuilt = rebuilt in { $took }: { $rendered } outputs rendered, { $changed } changed
serve-keeps-last-good = the preview keeps showing the last good build until this is fixed
serve-port-in-use = cannot listen on { $bind }:{ $port }: the port is already in use by another program
serve-cannot-listen = cannot listen on { $bind }:{ $port }: { $reason }
    .help = pick another port with `--port 1112`, or `--port 0` for any free port
serve-edit-local-only = `--edit` with `--bind { $bind }`: the online editor would be open to other machines
    .help = leave out `--bind` (or use `--bind 127.0.0.1`) together with `--edit`
serve-editor-listening = online editor (在线编辑) at { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`: git is not installed on this machine, so approvals cannot be committed
    .help = install git and run `git init` in the site's folder (or leave out `--edit-commit`)
serve-edit-commit-no-repository = `--edit-commit`: the site's folder is not in a git repository
init-wrote = wrote the demo portal ({ $count } files) to `{ $folder }`
init-wrote-ci = wrote the CI pipeline `{ $file }`: set MENHU_URL and MENHU_SHA256 to the menhu release to use, and add a [deploy] target (docs/operator-guide.md)
init-next = next: cd { $folder } && menhu serve
new-guidance-file =
    New page: { $file }
    Next: open this file, fill in the author, source and responsible editor, write the text, then run `menhu serve` to preview it.
    For photos or attachments, make a page folder instead: `menhu new SECTION "TITLE" --bundle`.
new-guidance-bundle =
    New page folder: { $folder }/
    Write the text in { $index }.
    Put photos and attachments (PDF, Word, Excel) in this folder, beside index.md:
      in the text, write only the file name, with a description in the brackets, e.g. ![调研现场](xianchang.jpg)
      attachments go in the front matter, e.g. attachments = [{"{"} path = "tongzhi.pdf", title = "通知全文" {"}"}]
    Then run `menhu serve` to preview it.
check-no-problems = no problems found
check-waiting-for-review = 「{ $title }」 is waiting for review (待审)
    .help = a reviewer approves it (or returns it with a comment) in `menhu serve --edit`; approving removes `status` and `draft` from its front matter
check-report-unwritable = error: cannot write the report `{ $file }`: { $reason }

## Configuration: site-config.toml (E01xx, W01xx)

config-zola-only = `{ $key }` is a Zola setting menhu does not use; it is ignored
    .help = remove it once the site no longer needs to build with Zola
config-unknown-key = unknown key `{ $key }`
    .help = remove it
    .help-top = remove it, or move values of your own under `[extra]`
config-unknown-key-in = unknown key `{ $key }` in `[{ $table }]`
config-one-of = one of { $keys }
config-did-you-mean = did you mean `{ $key }`?
config-none = no `site-config.toml` or `config.toml` in `{ $folder }`
    .expected = a `site-config.toml` at the site root, or a Zola `config.toml`
    .help = create `site-config.toml` with at least `base_url` and `title`, pass the site folder with `--root`, or run `menhu init DIR` to start from the demo portal
config-follow-symlinks-unusable = `follow_symlinks` entry `{ $entry }` cannot be used: { $reason }
    .help = name an existing folder, absolute or relative to the site root, or remove the entry
config-unreadable = cannot read `{ $file }`: { $reason }
    .help = check the file's permissions
    .help-encoding = the file is not UTF-8; re-save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8 { $file } > { $file }.utf8` and rename it
config-invalid-toml = invalid TOML: { $reason }
    .help = see https://toml.io for the syntax; strings need double quotes, e.g. `title = "某某市科协"`
config-wrong-value = wrong value for `{ $key }`: { $found }
config-unknown-timezone = unknown time zone 「{ $name }」
    .expected = an IANA time zone name, e.g. `timezone = "Asia/Shanghai"`
    .help-near = did you mean `timezone = "{ $near }"`?
    .help = use the name of the zone database (https://en.wikipedia.org/wiki/List_of_tz_database_time_zones), or remove the line for the default
config-no-base-url = missing `base_url`
    .expected = the site's absolute address, e.g. `https://www.example.org.cn`
    .help = add a line at the top of the file: `{ $example }`
config-bad-base-url = `base_url` 「{ $url }」 is not an absolute http(s) URL
    .expected = an address starting with `https://` or `http://`, e.g. `https://www.example.org.cn`
    .help = write the full address: `{ $example }`
config-zero-per-page = `{ $key }` is 0
    .expected = a number of items per page of at least 1, e.g. `20`
    .help = set `{ $key } = 20`, or remove it to show everything on one page
config-taxonomy-empty-name = taxonomy with an empty `name`
    .expected = a name such as `tags` or `cities`
    .help = give the taxonomy a name, e.g. `{"{"} name = "tags" {"}"}`
config-taxonomy-twice = taxonomy 「{ $name }」 is declared twice
    .help = remove this one; the first is on line { $line }
config-taxonomy-no-name = taxonomy without a `name`
    .expected = every entry of `taxonomies` to have a name, e.g. `{"{"} name = "tags" {"}"}`
    .help = add `name = "…"` to the entry
config-inline-highlighting = `style = "inline"` in `[markdown.highlighting]` is rendered with CSS classes
    .help = menhu always highlights with CSS classes; the theme's stylesheet gives the colours
config-keep-location-alone = `images.keep_location` has no effect without `keep_exif = true`
    .help = the location is part of the camera metadata: add `keep_exif = true` to `[images]` to keep both, or remove `keep_location`
config-images-no-widths = `images.widths` is empty
    .expected = the widths of the responsive copies, e.g. `widths = [480, 960, 1600]`
    .help = list at least one width, or remove `widths` for the default [480, 960, 1600]
config-images-out-of-range = `images.{ $key }` is { $value }
    .help = change `{ $key }` in `[images]`, or remove it for the default
config-images-at-least = a number of at least { $min }, e.g. `{ $example }`
config-images-between = a number from { $min } to { $max }, e.g. `{ $example }`
config-not-a-segment = `{ $key }` 「{ $value }」 is not a URL segment
    .expected = ASCII letters, digits, `-` or `_`, e.g. `cities` or `diqu`
    .help = set `{ $key }` to one word such as `{ $default }`
config-entry-lacks = an entry of `{ $table }` lacks { $keys }
    .expected =
        both keys in every entry, e.g.
        { $example }
    .help = add { $keys } to the entry, or remove it

## Content: files and front matter (E020x, W020x)

config-check-concurrency-zero = `check.external.concurrency` is 0
    .expected = a number of requests at once, e.g. `concurrency = 8`
    .help = use at least 1
config-check-as-of = `check.as_of` is not a date: 「{ $value }」
    .expected = a date like "2026-05-01"
    .help = write the date as YYYY-MM-DD, or remove the line to measure from today
config-check-column-no-section = a `[[check.columns]]` entry has no `section`
    .expected = the section folder under `content/`, e.g. `section = "news/tzgg"`
    .help = add `section = "…"` to the entry
config-check-column-type = unknown column type `{ $value }`
    .expected = one of `news`, `notice`, `other`, `exempt`
    .help = `news` for 动态/要闻 (14 days), `notice` for 通知公告/政策文件 (180 days)
config-check-wording-no-right = a `[[check.wording]]` entry has no `right` form
    .expected = `right = "正确写法"` and `wrong = ["常见错误写法"]`
    .help = add the right form of the name or term
config-check-forbidden-no-term = a `[[check.forbidden]]` entry has no `term`
    .expected = `term = "过时的说法"`, optionally `instead = "现行说法"`
    .help = add the term to look for
content-expected-utf8 = a file encoded as UTF-8
content-utf16 = file is UTF-16, not UTF-8
content-gb18030 = file is encoded as GBK/GB18030, not UTF-8
content-resave = re-save it as UTF-8, e.g. `iconv -f { $from } -t UTF-8 { $file } > x.md && mv x.md { $file }`, or in your editor choose 「UTF-8」 encoding
content-invalid-utf8 = file is not valid UTF-8: byte { $byte } cannot start or continue a character
    .help = the file may be damaged or saved in another encoding; re-save it as UTF-8 in your editor
content-nul = file contains a NUL byte: it is binary or corrupted
    .expected = a Markdown text file
    .help = if this is not a Markdown page, give it another extension than `.md`; otherwise restore it from a good copy
content-unclosed = front matter opened with `{ $fence }` is never closed
    .expected = a line with only `{ $fence }` after the front matter
    .help = add a closing `{ $fence }` line after the front matter; if the page has no front matter and starts with a horizontal rule, add the front matter first
content-bad-date = invalid date 「{ $value }」 for `{ $key }`
    .expected = a date like 2024-05-01 or 2024-05-01T09:30:00+08:00
    .help = write a real calendar date such as 2024-05-01; add a time as 2024-05-01T09:30:00+08:00
content-empty-title = page `title` is empty
    .help = write the title, e.g. `{ $example }`
content-no-title = page has no `title`
    .expected = a page title
    .help = add `{ $example }` to the front matter
    .help-no-front-matter = add front matter at the top of the file: a line `+++`, then `title = "…"`, then `+++`
content-use-one-of = use one of { $values }
content-unknown-value = unknown value 「{ $value }」 for `{ $key }`
content-bad-syntax = invalid { $format } in front matter: { $reason }
    .expected-toml = TOML lines like `title = "…"`, text in double quotes
    .expected-yaml = YAML lines like `title: …`, one key per line
    .help = check the quotes, brackets and `=`/`:` on this line and the one before
content-chinese-key =
    .expected = an English key, like `{ $example }`
    .help = write the key in English: `{ $example }`
content-not-a-table = front matter is not a list of keys and values
    .expected = one key and value per line, like `{ $example }`
content-wrong-value = wrong value for `{ $key }`: { $found }
    .help = change the value to the expected kind; text goes in double quotes
content-wrong-value-somewhere = wrong value in front matter: { $found }
content-more-unknown-keys = { $count } more unknown front-matter keys
    .help = fix the keys above first; unknown keys are ignored
content-unknown-key = unknown front-matter key `{ $key }`
    .help = menhu ignores it; to keep it for templates, move it under `[extra]`
    .help-yaml = menhu ignores it; to keep it for templates, move it under `extra:`
    .help-here = menhu ignores it; the keys here are { $keys }
content-unknown-key-in = unknown key `{ $key }` in `{ $table }`

content-no-folder = the site has no `content/` folder
    .help = create `content/_index.md`, or start from the demo with `menhu init DIR`
content-bad-ignore-pattern = invalid pattern `{ $pattern }` in `ignored_content`: { $reason }
    .help = use glob syntax such as `*.docx` or `drafts/**`
content-name-not-unicode = file name is not valid Unicode and cannot become a URL
    .help = rename the file using UTF-8 characters
content-link-loop = symbolic link loop: this folder links back to one of its parents
content-permission-denied = cannot read: permission denied
content-cannot-read = cannot read: { $reason }
    .help = fix the file's permissions or remove the link; the rest of the site was still read

## Markdown: links, images, shortcodes (E0210–E0212, W0202, W0203)

markdown-more-problems = { $count } more problems in this page not shown (the first { $shown } are)
    .help = fix the problems shown, then build again to see the rest
markdown-broken-link = internal link `{ $link }` points to no page
    .help = write internal links as `@/` followed by the file's path under `content/`, e.g. `@/news/2024-05-01-x.md`, `@/news/_index.md` for a section, or `@/news/x.md#anchor`; check the file name and folder
markdown-unlinked-image = image 「{ $path }」 is shown as text: its file name has a space
markdown-unlinked-link = link to 「{ $path }」 is shown as text: its path has a space
markdown-unlinked =
    .help = put the path between `<` and `>`: `{ $bracketed }`, or rename the file without spaces, e.g. `{ $renamed }`
markdown-unknown-shortcode = unknown shortcode `{ $name }`
    .help = add a template `templates/shortcodes/{ $name }.html` (or `.md`), or check the name's spelling; to show the text itself write it as `{"{{"}/* name() */{"}}"}`
markdown-no-alt = image `{ $src }` has no alt text
    .help = describe the image for visitors who cannot see it: `![梧州市科协调研现场](photo.jpg)`

## The command line: help texts and usage errors (src/cli/help.rs)

cli = A static site generator for the web portals of Chinese public associations (门户)
    .root = The site's root folder (where site-config.toml is)
    .lang = The language of messages: zh-Hans, zh-Hant or en (default: `MENHU_LANG`, else the site's `default_language`, else the system's `LANG`, else en)
    .help = Print help
    .version = Print version
    .after-help = Exit codes: 0 success, 1 the site has errors (each printed with file, line and fix), 2 bad command line.
cli-build = Build the site into the output folder (replaced atomically)
    .output = Output folder (default: the config's `output_dir`, "public")
    .drafts = Include drafts and pages dated in the future
    .base-url = Use this base URL instead of the config's
    .force = Allow an output folder outside the site
    .timings = Print the time each stage took and the peak memory
    .verbose = List every page not published, with its file and the reason
    .format = `json`: print the build's account on stdout (published count, every page not published with its reason and date, next scheduled time, files, bytes, seconds)
    .quiet = Print only problems: no "built …" line, no account of unpublished pages
    .deny-warnings = Exit with 1 when the build has warnings (the output is still written)
    .clean-cache = Delete the cache of processed images (`.menhu-cache/images/`) first, so every copy is made again
    .offline = No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an error for an address not fetched before
cli-serve = Build the site in memory and serve it for preview
    .port = Port to listen on (0: any free port)
    .bind = Address to bind; other machines can reach the preview only if you change it
    .drafts = Include drafts and pages dated in the future
    .base-url = Base URL used in links, e.g. `http://192.168.1.5:1111` to preview from a phone (default: the address served, so links stay on the preview)
    .verbose = List every page not published after each build, with its file and reason
    .offline = No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an error for an address not fetched before
    .edit = Open the online editor (在线编辑) on a second local port: edit pages, add photos and send them for review in the browser; implies `--drafts`; only on this machine (127.0.0.1)
    .edit-commit = With `--edit`: approving a page commits it (and its review notes) to the site's git repository, with the reviewer's name as author
cli-new = Create a new page: content/SECTION/YYYY-MM-DD-<pinyin-of-title>.md
    .section = Section folder under content/, e.g. `news`
    .title = The page's title, e.g. "汇聚四长资源"
    .bundle = Make a folder with `index.md` instead, so photos and attachments go beside it: content/SECTION/YYYY-MM-DD-<pinyin>/index.md
cli-check = Check links, content, the government-website inspection rules and wording
    .external = Also request external links (needs the network)
    .format = How problems are printed: `human` (stderr), `json` or `github` (stdout)
    .report = Also write a self-contained HTML summary of the inspection to this file
    .today = Measure staleness from this day (YYYY-MM-DD) instead of today
    .deny-warnings = Fail (exit code 1) on warnings too
    .drafts = Include drafts and pages dated in the future
    .offline = No network for `load_data(url=…)`: answers come from `.menhu-cache/` only
cli-deploy = Publish the built site to a target of `[deploy]` in site-config.toml, uploading only what changed since the last deploy
    .target = The target's name, under `[deploy.targets.NAME]` (default: `[deploy] default`, or the only target)
    .dry-run = List what would be uploaded and deleted; change nothing
    .output = The built folder to publish (default: the config's `output_dir`, "public")
    .verbose = List every file uploaded and deleted
    .format = `json`: print what was done on stdout as one JSON object
cli-init = Write the demo portal into a new folder
    .dir = Folder to create (must be missing or empty)
    .ci = Also write a CI pipeline that installs a pinned menhu release, builds, audits and deploys (docs/operator-guide.md)
cli-help = Print this message or the help of the given subcommand(s)
cli-heading =
    .commands = Commands
    .options = Options
    .arguments = Arguments
    .template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
        {"{"}usage-heading{"}"} {"{"}usage{"}"}

        {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-error-unknown-argument = error: unexpected argument `{ $arg }`
cli-error-unknown-command = error: unknown command `{ $command }`
cli-error-invalid-value = error: invalid value 「{ $value }」 for `{ $arg }`
cli-error-missing = error: missing { $args }
cli-error-other = error: the command line is not valid
cli-error-help = run `menhu --help` for the commands and their options

## menhu init, menhu new and the preview's watcher (E060x, E0702)

init-not-empty = `{ $folder }` is not empty
    .help = choose a new folder name, e.g. `menhu init my-portal`; init never overwrites files
scaffold-cannot-read = cannot read `{ $path }`: { $reason }
scaffold-cannot-create = cannot create `{ $path }`: { $reason }
scaffold-cannot-write = cannot write `{ $path }`: { $reason }
    .help = check the folder's permissions and the free disk space
new-not-a-section = `{ $section }` is not a section name
    .help = name a folder of `content/`, e.g. `menhu new news "标题"`
new-no-file-name = cannot make a file name from the title 「{ $title }」
    .help = use a title with Chinese characters, letters or digits
new-exists = `{ $file }` already exists
    .help = edit that page, or choose another title
new-no-section = there is no section `{ $section }` in `content/`
    .expected = one of: { $sections }
    .help = create `content/{ $section }/_index.md` first
serve-no-site-folder = cannot find the site folder: { $reason }
serve-cannot-watch = cannot watch `{ $folder }` for changes: { $reason }
    .help = on Linux, raise the inotify limit: `sudo sysctl fs.inotify.max_user_watches=524288`

## What each code means (docs/diagnostics.md)

code-E0001 = an internal error of menhu while processing a file (a bug, not a problem of the site)
    .fix = report it with the file named in the message
code-E0100 = neither `site-config.toml` nor `config.toml` at the site root
    .fix = run menhu in the site's folder, pass it with `--root`, or create a site with `menhu init DIR`
code-E0101 = an unknown key in the configuration, at its line and column, with the closest valid key
    .fix = fix the spelling: `titel` → `title`, `[markdwon]` → `[markdown]`
code-E0102 = a configuration value of the wrong type or not one of the allowed values (including an unknown `timezone`)
    .fix = write the value as `expected` says: `smart_punctuation = true`, `timezone = "Asia/Shanghai"`
code-E0103 = `base_url` is missing or not an absolute http(s) address
    .fix = `base_url = "https://www.kx.example.gov.cn"`
code-E0104 = a taxonomy without a name, with an empty name, or declared twice
    .fix = give each taxonomy one unique `name`
code-E0105 = `paginate_by = 0` (at the top level or in a taxonomy)
    .fix = a number of at least 1, or remove the key
code-E0106 = the configuration (or an `ignored_content` pattern) is not valid syntax
    .fix = strings need double quotes: `title = "某某市科协"`; check that brackets pair up
code-E0107 = the configuration file cannot be read (permissions, or not UTF-8)
    .fix = fix the permissions, or re-save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8`
code-E0108 = `[regions] path` or `[series] path` is not one URL segment
    .fix = `path = "diqu"`
code-E0109 = an entry of `[[regions.custom]]`, `[[menus]]` or `[[directories]]` lacks a required key
    .fix = add `name`/`parent`, `title`/`url`, or `file`
code-E0110 = a menu `url` with a scheme other than `http`, `https`, `mailto` or `tel`
    .fix = `url = "/about/"` or `url = "https://www.example.org.cn/"`
code-E0200 = the site has no `content/` folder
    .fix = run menhu in the site's folder, or create `content/_index.md`
code-E0201 = a file is encoded as GBK/GB18030, not UTF-8
    .fix = re-save it as UTF-8 in the editor, or `iconv -f GB18030 -t UTF-8`
code-E0202 = a file is encoded as UTF-16, not UTF-8
    .fix = re-save it as UTF-8
code-E0203 = a file has bytes that are not valid UTF-8 (garbled text)
    .fix = retype the characters at the place shown and save the file as UTF-8
code-E0204 = a file contains a NUL byte: it is binary, not text
    .fix = do not rename Word or PDF files to `.md`; put them beside the page as an attachment
code-E0205 = the front matter's `+++` or `---` is never closed
    .fix = add the closing `+++` (or `---`) line after the front matter
code-E0206 = the front matter is not valid TOML or YAML, or a value has the wrong type
    .fix = fix it as the message says, e.g. `title = "…"` with straight double quotes
code-E0207 = a date that is not a real date or not in a known form
    .fix = `2026-05-01` or `2026-05-01T09:30:00+08:00`
code-E0208 = a page without a title
    .fix = add `title = "…"` to the front matter
code-E0209 = a file or folder of `content/` cannot be read, or its name cannot become a URL
    .fix = fix the permissions, or rename the file with ordinary characters
code-E0210 = an `@/` link names no page
    .fix = check the path (the help names the closest page); copy it from `content/`
code-E0211 = a shortcode that neither the site nor the theme defines
    .fix = check the shortcode's name
code-E0212 = a shortcode call that cannot be read (arguments, closing tag)
    .fix = check the arguments and the closing `{"{"}% end %{"}"}`
code-E0213 = a link field (`website`, `cover`, `attachments`, `redirect_to`) that is not an address, or a `path`/`slug`/`aliases` that is not a site path
    .fix = write `https://…`, `mailto:`, `tel:` or a relative path; `path = "/zhuanti/2024/"`
code-E0214 = a file of the site is (or is reached by a symbolic link) outside the site or in a hidden folder
    .fix = replace the link by a copy of the file, or list the folder in `follow_symlinks`
code-E0220 = a `[[directories]]` table cannot be read or parsed
    .fix = fix the file named, or its path in the config
code-E0221 = a row of a directory table is wrong (no title, unknown column, a number that is not one)
    .fix = fix the row named
code-E0222 = the section of a `[[directories]]` entry does not exist
    .fix = create `content/SECTION/_index.md`, or fix `section`
code-E0223 = a directory row would replace a page of the site
    .fix = rename the row's `slug`, or remove the page
code-E0250 = an image cannot be read, or is outside the site
    .fix = check the file name and path; keep images inside the site, beside `index.md`
code-E0251 = a file is not a JPEG, PNG, WebP or GIF image
    .fix = save it as JPEG (photos) or PNG (drawings, screenshots)
code-E0252 = an image file is damaged
    .fix = open it in an image editor and save it again, or copy it again
code-E0253 = an image larger than 100 megapixels, 30,000 pixels a side or 100 MB
    .fix = reduce it (a width of 2500 pixels is plenty for the web) and save it again
code-E0254 = a template asks for an image size that makes no sense
    .fix = fix the arguments of `resize_image` in the template
code-E0255 = a processed image cannot be stored in `.menhu-cache/images`
    .fix = check the free disk space and the folder's permissions
code-E0301 = a city, region or organization that is not in the registry
    .fix = use the name the help suggests, or write it in full (「辽宁省朝阳市」)
code-E0302 = a place name that several divisions have, or two pages with the same URL
    .fix = write the full name, or change one page's file name or `slug`
code-E0303 = an attachment that is not beside the page, or a region that does not resolve
    .fix = put the file next to `index.md` or fix its name; `default_province = "广西"`
code-E0304 = an `aliases` entry clashes with an output of the site or contains `..`
    .fix = remove it or choose another old address
code-E0305 = two sources would write the same output file
    .fix = change `path`/`slug`, rename or remove the file
code-E0310 = region pages would replace a taxonomy, section or page
    .fix = set another `[regions] path`
code-E0311 = series pages would replace a taxonomy, section or page
    .fix = set another `[series] path`
code-E0320 = an organization `level` that is not one of the known levels
    .fix = national, province, city, county, township, society, enterprise, park or university
code-E0330 = two pages of a series with the same `series_index`
    .fix = give each page its own number
code-E0340 = a menu `url = "@/…"` names no page or section
    .fix = fix the content path
code-E0401 = the theme named in the config is not in `themes/`
    .fix = fix `theme`, or copy the theme into `themes/NAME/`
code-E0402 = a template file cannot be read
    .fix = fix the file's permissions or encoding (UTF-8)
code-E0403 = a template has a syntax error or fails while rendering a page
    .fix = fix the template at the file and line shown
code-E0404 = a page asks for a template that does not exist
    .fix = create the template or fix the `template` key
code-E0405 = the theme's strings (`i18n/*.toml`) cannot be read
    .fix = fix the file named
code-E0406 = templates extend or include each other in a loop, or a macro calls itself without end
    .fix = break the loop in the chain shown
code-E0407 = a Sass file (`compile_sass = true`) does not compile
    .fix = fix the Sass at the line shown
code-E0501 = the output folder is unsafe (the site itself, a source folder, a hidden folder, an existing file)
    .fix = use `public` inside the site, or pass `--force` for a folder outside it
code-E0502 = an output file cannot be written, or would land outside the output folder
    .fix = check the disk space and permissions; no `..` in `path` or `slug`
code-E0601 = `menhu init` was given a folder that is not empty
    .fix = choose a new folder name, e.g. `menhu init my-portal`
code-E0602 = `menhu init` or `menhu new` cannot write a file
    .fix = check the folder's permissions and the free disk space
code-E0603 = `menhu new` was given a section name that is not a folder name
    .fix = name a folder of `content/`, e.g. `menhu new news "标题"`
code-E0604 = the title gives no file name
    .fix = use a title with Chinese characters, letters or digits
code-E0605 = the page `menhu new` would write already exists
    .fix = edit that page, or choose another title
code-E0606 = `menhu new` names a section that does not exist
    .fix = use one of the sections listed, or create the folder with an `_index.md`
code-E0701 = the preview cannot listen on its port
    .fix = pick another port with `--port 1112`, or `--port 0` for any free port
code-E0702 = the preview cannot watch the site for changes
    .fix = raise the inotify limit: `sudo sysctl fs.inotify.max_user_watches=524288`
code-E0703 = the online editor runs only on this machine
    .fix = leave out `--bind` (or use `--bind 127.0.0.1`) together with `--edit`
code-E0704 = approvals cannot be committed to git
    .fix = install git and run `git init` in the site's folder (or leave out `--edit-commit`)
code-E0800 = `site-config.toml` cannot be read for `menhu deploy`
    .fix = run `menhu deploy` in the site's folder, or pass it with `--root`
code-E0801 = a secret (key, password) is written in `site-config.toml`
    .fix = move it to the environment variable the message names
code-E0802 = a `[deploy]` table or target is invalid
    .fix = fix it as docs/operator-guide.md, "Deploying", describes
code-E0803 = `[deploy] default` names no target
    .fix = name one of `[deploy.targets]`
code-E0804 = a `cache_control` pattern is not a valid glob
    .fix = a glob such as `"*.html"` or `"search/**"`
code-E0805 = `site-config.toml` has no `[deploy]` section
    .fix = add a target, e.g. `[deploy.targets.www]`
code-E0806 = the folder to deploy holds no built site
    .fix = run `menhu build` first, or pass `--output`
code-E0807 = no deploy target chosen, or an unknown one
    .fix = pass `--target NAME`, or set `[deploy] default`
code-E0810 = the target's manifest of the last deploy cannot be read
    .fix = delete it on the target to upload everything again
code-E0811 = a file of the built site cannot be read while deploying
    .fix = build again, and check the output folder's permissions
code-E0820 = the target refused or failed an upload, listing or deletion
    .fix = check the target's address, permissions and free space; deploy again
code-E0821 = no credentials for the bucket
    .fix = set MENHU_DEPLOY_ACCESS_KEY_ID and MENHU_DEPLOY_SECRET_ACCESS_KEY
code-E0822 = the bucket's endpoint or name is not usable
    .fix = an endpoint such as https://oss-cn-hangzhou.aliyuncs.com; `path_style = true` for an IP address
code-W0101 = a Zola setting menhu does not use
    .fix = nothing to do; remove it when Zola is no longer used
code-W0102 = `style = "inline"` under `[markdown.highlighting]`
    .fix = nothing to do; colours come from CSS classes
code-W0103 = a `follow_symlinks` entry names no usable folder
    .fix = fix the path, or remove the entry
code-W0110 = `keep_location = true` in `[images]` without `keep_exif = true`
    .fix = add `keep_exif = true`, or remove `keep_location`
code-W0201 = an unknown key in the front matter
    .fix = fix the key's spelling, or move it under `[extra]`
code-W0202 = an image without alt text (C0105 in `menhu check`)
    .fix = describe the image: `![梧州市科协调研现场](photo.jpg)`
code-W0203 = an image or link shown as text because its path has a space (C0108 in `menhu check`)
    .fix = put the address in angle brackets, or rename the file
code-W0301 = a taxonomy used in front matter but not declared in the config
    .fix = declare it in `taxonomies`, or remove it
code-W0305 = a link to a page scheduled for later
    .fix = publish both together, or add the link once the other page is out
code-W0320 = an organization's `parent` is not in the directory
    .fix = use the name of an organization of the directory
code-W0321 = `org` names no organization of the directory
    .fix = use the name of an organization of the directory
code-W0330 = a series has no page with some number
    .fix = add the missing page, or renumber
code-W0331 = a page of a series has no `series_index`
    .fix = add `series_index = N` below `series`
code-W0401 = hidden files in `static/` were not published
    .fix = list those to publish in `static_dotfiles`
code-C0101 = a link goes to no page or file of the site
    .fix = fix the address; write links to pages as `@/section/file.md`
code-C0102 = a link's `#anchor` is not an id of the target page
    .fix = use a heading's id (the help names the closest), or drop `#…`
code-C0103 = an image that does not exist
    .fix = put the image in the page's folder or `static/`, or fix the name
code-C0104 = a link written in a template goes nowhere
    .fix = fix the theme's template
code-C0105 = an image without alt text
    .fix = describe the image: `![梧州市科协调研现场](photo.jpg)`
code-C0106 = more than one page has the same title
    .fix = give each page its own title
code-C0107 = a heading skips a level (`##` then `####`)
    .fix = use `##`, `###`, `####` in order
code-C0108 = an image or link shown as text because its path has a space
    .fix = put the address in angle brackets: `![现场](<IMG_2031 现场照片.JPG>)`
code-C0109 = a relative link or image in a summary, which breaks on lists
    .fix = write the address from the site root, or move it below `<!-- more -->`
code-C0110 = `--external`: an external link answers with an error status
    .fix = use the new address, or remove the link
code-C0111 = `--external`: an external link never answered
    .fix = open it in a browser; add hosts that block checks to `[check.external] skip`
code-C0112 = `--external`: an external link leads to a private or local address and was not requested
    .fix = link to a public address; list intranet hosts in `allow_private`
code-C0120 = a line of the page template's text is still in the page
    .fix = replace it with the page's own text
code-C0121 = `source` (来源) is written but empty
    .fix = fill in the source, or remove the line for the site's own pages
code-C0130 = a photo too large to publish as it is (over `max_original_bytes` or `max_original_px`); only its resized copies are published
    .fix = shrink the photo (2500 px wide is plenty for the web), or set `keep_original = true`
code-C0131 = a page pinned (置顶) or made the headline (头条) more than 90 days ago, with no end date
    .fix = add `pin_until` or `headline_until`, or remove `pin` or `headline`
code-C0140 = a page is waiting for review (待审)
    .fix = a reviewer approves or returns it in `menhu serve --edit`
code-C0201 = the home page has had no new item for more than `home_days` (14) days
    .fix = publish a new page
code-C0202 = a column has had no new item for longer than its limit
    .fix = publish a new page; set `days` in `[[check.columns]]` for a slow column
code-C0203 = an inspected column has no item
    .fix = publish a page, or set `allow_empty = true`
code-C0204 = a page in a dated column has no date
    .fix = add `date = 2026-05-01`
code-C0205 = an attachment cannot be downloaded (empty, or the external address fails)
    .fix = replace the file, or fix the address
code-C0206 = a government meta tag is missing or empty
    .fix = fill in the value the template needs (site config or front matter)
code-C0207 = a page's footer lacks the ICP number, the 公安 filing number or the site code
    .fix = add them to the footer
code-C0208 = `[check] as_of` is more than 30 days in the past
    .fix = remove `as_of` so staleness is measured from today
code-C0301 = a name or term of `[[check.wording]]` is miswritten
    .fix = write the right form given in `expected`
code-C0302 = a term of `[[check.forbidden]]` is used
    .fix = use the replacement given, if any
