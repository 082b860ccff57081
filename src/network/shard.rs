//! `--shard I/N`: which member sites one of N CI machines builds. Member `k` (0-based,
//! in the order of `network.toml`) belongs to shard `k mod N + 1`, so every member is
//! built by exactly one shard and the shards stay about equal as members are added.

use super::MemberId;
use crate::diag::Diagnostic;

/// One shard of N: `index` is 1-based, as CI systems number their jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which one (1 ≤ index ≤ count).
    pub index: u32,
    /// How many.
    pub count: u32,
}

impl Shard {
    /// Reads `I/N` (`2/4`); anything else is E0912.
    pub fn parse(written: &str) -> Result<Shard, Diagnostic> {
        let parsed = written.trim().split_once('/').and_then(|(i, n)| {
            Some(Shard {
                index: i.trim().parse().ok()?,
                count: n.trim().parse().ok()?,
            })
        });
        match parsed {
            Some(shard) if shard.index >= 1 && shard.index <= shard.count => Ok(shard),
            _ => Err(
                Diagnostic::error("E0912", crate::t!("network-bad-shard", written = written))
                    .expected(crate::t!("network-bad-shard.expected"))
                    .help(crate::t!("network-bad-shard.help")),
            ),
        }
    }

    /// True when this shard builds `member`.
    pub fn holds(self, member: MemberId) -> bool {
        member.0 % self.count == self.index - 1
    }

    /// The manifest's file name in the output folder: `.menhu-shard-I-of-N.json`.
    pub fn manifest_name(self) -> String {
        format!(".menhu-shard-{}-of-{}.json", self.index, self.count)
    }
}
