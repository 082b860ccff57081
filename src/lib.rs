//! menhu (门户) builds the web portals of Chinese public associations from Markdown.
//!
//! The pipeline: `site-config.toml` becomes a [`config::Config`]; the `content/` tree
//! becomes [`content::Content`] (text plus typed front matter); each page's Markdown is
//! rendered to HTML by [`markdown`]; everything is gathered into one immutable
//! [`portal::Portal`] (URLs, taxonomies, pagination, navigation); [`render`] turns the
//! portal and the theme's Tera templates into outputs, handed as they are rendered to
//! [`output`], which writes them into a staging folder swapped in atomically, or kept in
//! memory for [`serve`]; [`search`] adds the static search index when the site asks for
//! one. [`pipeline`] runs these stages in order and stops after the first stage that
//! reports errors; [`check`] runs the link, content, inspection and wording rules on a
//! site built in memory. [`network`] builds a 站群, several member sites from one repository, each
//! through the pipeline. [`deploy`] publishes a built output folder to a folder, an
//! S3-compatible bucket or an SFTP server, uploading only what changed. [`diag`], [`zh`],
//! [`url_scheme`], [`address_guard`] and [`html_text`] are leaves that every stage may use.

pub mod address_guard;
pub mod bounds;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod deploy;
pub mod diag;
pub mod fingerprint;
pub mod html_text;
pub mod images;
pub mod load_data;
pub mod markdown;
pub mod network;
pub mod output;
pub mod own_files;
pub mod pipeline;
pub mod portal;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod url_scheme;
pub mod zh;
