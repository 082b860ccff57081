//! Camera metadata (EXIF) in published copies. By default none survives: a copy holds
//! pixels only, so no camera serial number or location leaves the site. A site that
//! sets `keep_exif` keeps the main image's fields, rewritten by `kamadak-exif`, minus
//! what would be wrong or leak: the orientation (the pixels are upright now), the
//! embedded thumbnail (it shows the uncropped photo), the maker note (private binary
//! data with offsets that break when moved) and, unless `keep_location`, every GPS
//! field. XMP and IPTC blocks are never copied.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Context, Field, In, Tag};

/// What survives of the camera metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum MetadataPolicy {
    /// Nothing (the default).
    #[default]
    Strip,
    /// The camera fields without location.
    KeepWithoutLocation,
    /// The camera fields with location.
    KeepAll,
}

impl MetadataPolicy {
    pub(crate) fn from_config(keep_exif: bool, keep_location: bool) -> MetadataPolicy {
        match (keep_exif, keep_location) {
            (false, _) => MetadataPolicy::Strip,
            (true, false) => MetadataPolicy::KeepWithoutLocation,
            (true, true) => MetadataPolicy::KeepAll,
        }
    }

    /// A stable name, part of the cache key.
    pub(crate) fn key(self) -> &'static str {
        match self {
            MetadataPolicy::Strip => "strip",
            MetadataPolicy::KeepWithoutLocation => "exif-no-gps",
            MetadataPolicy::KeepAll => "exif",
        }
    }
}

/// The EXIF block (a TIFF structure, as decoders hand it out) to write into a copy,
/// or `None` when nothing is to be kept or the block does not parse.
pub(crate) fn published_exif(raw: Option<&[u8]>, policy: MetadataPolicy) -> Option<Vec<u8>> {
    if policy == MetadataPolicy::Strip {
        return None;
    }
    let exif = exif::Reader::new().read_raw(raw?.to_vec()).ok()?;
    let kept: Vec<&Field> = exif
        .fields()
        .filter(|field| is_kept(field, policy))
        .collect();
    if kept.is_empty() {
        return None;
    }
    let mut writer = Writer::new();
    for field in kept {
        writer.push_field(field);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, exif.little_endian()).ok()?;
    Some(out.into_inner())
}

fn is_kept(field: &Field, policy: MetadataPolicy) -> bool {
    if field.ifd_num != In::PRIMARY {
        return false;
    }
    if matches!(field.tag, Tag::Orientation | Tag::MakerNote) {
        return false;
    }
    let Tag(context, _) = field.tag;
    context != Context::Gps || policy == MetadataPolicy::KeepAll
}
