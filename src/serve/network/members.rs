//! The network build as the preview needs it: every member in memory with its preview
//! base URL (`http://ADDRESS/<name>`), through [`crate::network::build`], each member's
//! result its own.

use super::NetworkServeOptions;
use crate::diag::{Diagnostics, Lang};
use crate::network::Network;
use crate::network::build::{self, BaseUrls, NetworkOptions};
use crate::pipeline::Built;
use crate::serve::Snapshot;

/// One member built.
pub struct MemberBuilt {
    /// The member's name.
    pub name: String,
    /// Its build, or its problems (files named from the network root).
    pub result: Result<Built, Diagnostics>,
}

/// The snapshot requests of a site built as `built` are answered from.
pub fn snapshot(built: &Built, lang: Lang) -> Snapshot {
    let bounds = std::sync::Arc::new(built.portal.bounds.clone());
    let mut snapshot = Snapshot::new(built.site.clone(), bounds);
    snapshot.notices = std::sync::Arc::new(crate::serve::waiting::Notices::new(
        &built.publication,
        lang,
    ));
    snapshot
}

/// Builds every member of the network at `options.root` in memory, each with the base
/// URL `address/<name>`. `Err` only when the network itself cannot be read; a member's
/// problems are its own result.
pub fn build_all(
    options: &NetworkServeOptions,
    address: &str,
) -> Result<(Network, Vec<MemberBuilt>), Diagnostics> {
    let build = NetworkOptions {
        base_urls: BaseUrls::Under(address.to_owned()),
        drafts: options.drafts,
        now: options.now,
        offline: options.offline,
        ..NetworkOptions::new(&options.root)
    };
    let built = build::build_network_in_memory(&build)?;
    let members = built
        .members
        .into_iter()
        .map(|m| MemberBuilt {
            name: m.name,
            result: m.result,
        })
        .collect();
    Ok((built.network, members))
}
