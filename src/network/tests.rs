//! One test per rule of `network.toml`: each problem's code, line and help, and what a
//! valid file means (parents from regions, pull origins, push targets, shards).

use std::path::Path;

use super::*;

/// A network root with a site folder (holding a `site-config.toml`) per name.
fn root_with(folders: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in folders {
        let site = dir.path().join("sites").join(folder);
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(
            site.join("site-config.toml"),
            "base_url = \"https://example.org\"\ntitle = \"t\"\n",
        )
        .unwrap();
    }
    dir
}

const THREE: &str = r#"
[network]
name = "广西科协站群"

[[sites]]
name = "guangxi"
path = "sites/guangxi"
region = "广西壮族自治区"
association = "广西壮族自治区科学技术协会"
short = "广西科协"
pull = [{ from = "children", sections = ["news"], into = "news/dfdt" }]

[[sites]]
name = "wuzhou"
path = "sites/wuzhou"
region = "梧州市"
association = "梧州市科学技术协会"
short = "梧州市科协"
pull = [{ from = "parent", sections = ["/news/tzgg/"] }]

[[sites]]
name = "tengxian"
path = "sites/tengxian"
region = "广西壮族自治区梧州市藤县"
association = "藤县科学技术协会"
"#;

fn three() -> (tempfile::TempDir, Network) {
    let dir = root_with(&["guangxi", "wuzhou", "tengxian"]);
    let network = Network::parse(dir.path(), THREE).unwrap();
    (dir, network)
}

/// The problems of `text` in a root holding the three usual site folders.
fn problems(text: &str) -> Vec<Diagnostic> {
    let dir = root_with(&["guangxi", "wuzhou", "tengxian"]);
    match Network::parse(dir.path(), text) {
        Ok(_) => panic!("expected problems"),
        Err(problems) => problems,
    }
}

fn one(text: &str, code: &str) -> Diagnostic {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, code, "{found:#?}");
    assert_eq!(found[0].file.as_deref(), Some(Path::new(FILE_NAME)));
    found[0].clone()
}

#[test]
fn a_valid_network_has_its_members_in_file_order_with_regions_resolved() {
    let (_dir, network) = three();
    assert_eq!(network.name, "广西科协站群");
    let names: Vec<&str> = network.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["guangxi", "wuzhou", "tengxian"]);
    let wuzhou = network.member(MemberId(1));
    assert_eq!(wuzhou.region_name, "广西壮族自治区梧州市");
    assert_eq!(wuzhou.level, Level::Prefecture);
    assert_eq!(wuzhou.folder, Path::new("sites/wuzhou"));
    assert_eq!(wuzhou.line, 13);
}

#[test]
fn parents_default_to_the_member_of_the_nearest_containing_region() {
    let (_dir, network) = three();
    assert_eq!(network.parent(MemberId(0)), None);
    assert_eq!(network.parent(MemberId(1)), Some(MemberId(0)));
    assert_eq!(network.parent(MemberId(2)), Some(MemberId(1)));
    assert_eq!(network.children(MemberId(0)), [MemberId(1)]);
    assert_eq!(network.descendants(MemberId(0)), [MemberId(1), MemberId(2)]);
    assert_eq!(network.ancestors(MemberId(2)), [MemberId(1), MemberId(0)]);
}

#[test]
fn an_explicit_parent_replaces_the_region_s_one() {
    let text = THREE.replace(
        "association = \"藤县科学技术协会\"",
        "association = \"藤县科学技术协会\"\nparent = \"guangxi\"",
    );
    let dir = root_with(&["guangxi", "wuzhou", "tengxian"]);
    let network = Network::parse(dir.path(), &text).unwrap();
    assert_eq!(network.parent(MemberId(2)), Some(MemberId(0)));
}

#[test]
fn pull_rules_are_read_with_section_paths_in_one_form() {
    let (_dir, network) = three();
    let province = &network.member(MemberId(0)).pull[0];
    assert_eq!(province.from, PullFrom::Children);
    assert_eq!(province.sections, ["news"]);
    assert_eq!(province.into.as_deref(), Some("news/dfdt"));
    assert_eq!(network.origins(MemberId(0), province), [MemberId(1)]);
    let city = &network.member(MemberId(1)).pull[0];
    assert_eq!(city.sections, ["news/tzgg"]);
    assert_eq!(network.origins(MemberId(1), city), [MemberId(0)]);
}

#[test]
fn push_targets_resolve_by_relation_level_site_name_and_association_name() {
    let (_dir, network) = three();
    let county = MemberId(2);
    assert_eq!(network.resolve_target(county, "parent"), Some(MemberId(1)));
    assert_eq!(
        network.resolve_target(county, "province"),
        Some(MemberId(0))
    );
    assert_eq!(network.resolve_target(county, "city"), Some(MemberId(1)));
    assert_eq!(network.resolve_target(county, "guangxi"), Some(MemberId(0)));
    for name in [
        "广西科协",
        "广西壮族自治区科学技术协会",
        "广西壮族自治区科协",
    ] {
        assert_eq!(
            network.resolve_target(county, name),
            Some(MemberId(0)),
            "{name}"
        );
    }
    assert_eq!(network.resolve_target(MemberId(0), "parent"), None);
    assert_eq!(network.resolve_target(county, "南宁市科协"), None);
}

#[test]
fn a_toml_error_names_the_line() {
    let d = one(
        "[network]\nname = \"x\"\n[[sites]]\nname = wuzhou\n",
        "E0902",
    );
    assert_eq!(d.span.unwrap().line, 4);
}

#[test]
fn an_unknown_key_names_its_line_and_the_valid_keys() {
    let text = THREE.replace("short = \"梧州市科协\"", "shrot = \"梧州市科协\"");
    let d = one(&text, "E0902");
    assert_eq!(d.span.unwrap().line, 18);
    assert!(d.message.contains("shrot"), "{}", d.message);
    assert!(d.message.contains("short"), "{}", d.message);
}

#[test]
fn a_network_without_sites_is_an_error() {
    one("[network]\nname = \"x\"\n", "E0902");
}

#[test]
fn a_site_name_must_be_an_ascii_id_and_the_help_gives_its_pinyin() {
    let text = THREE.replace("name = \"wuzhou\"", "name = \"梧州\"");
    let d = one(&text, "E0903");
    assert_eq!(d.span.unwrap().line, 14);
    assert!(d.help.unwrap().contains("wuzhou"));
}

#[test]
fn a_site_name_used_twice_names_the_first_line() {
    let text = THREE.replace("name = \"tengxian\"", "name = \"wuzhou\"");
    let d = one(&text, "E0903");
    assert_eq!(d.span.unwrap().line, 22);
    assert!(d.message.contains("line 14"), "{}", d.message);
}

#[test]
fn a_member_folder_must_exist_stay_below_the_root_and_hold_a_site() {
    let missing = THREE.replace("sites/tengxian", "sites/tengxain");
    assert!(one(&missing, "E0904").message.contains("does not exist"));
    let outside = THREE.replace("sites/tengxian", "../tengxian");
    assert!(one(&outside, "E0904").message.contains("below"));
    let dir = root_with(&["guangxi", "wuzhou"]);
    std::fs::create_dir_all(dir.path().join("sites/tengxian")).unwrap();
    let found = Network::parse(dir.path(), THREE).unwrap_err();
    assert_eq!(found[0].code, "E0904");
    assert!(found[0].message.contains("site-config.toml"));
}

#[test]
fn an_unknown_region_suggests_the_registry_s_nearest_name() {
    let text = THREE.replace("region = \"梧州市\"", "region = \"梧洲市\"");
    let d = one(&text, "E0905");
    assert_eq!(d.span.unwrap().line, 16);
    assert!(d.help.unwrap().contains("梧州"));
}

#[test]
fn an_association_name_used_twice_is_an_error() {
    let text = THREE.replace(
        "association = \"藤县科学技术协会\"",
        "association = \"梧州市科协\"",
    );
    let d = one(&text, "E0906");
    assert_eq!(d.span.unwrap().line, 25);
}

#[test]
fn an_unknown_parent_suggests_the_nearest_site_name() {
    let text = THREE.replace(
        "association = \"藤县科学技术协会\"",
        "association = \"藤县科学技术协会\"\nparent = \"wuzou\"",
    );
    let d = one(&text, "E0907");
    assert_eq!(d.span.unwrap().line, 26);
    assert!(d.help.unwrap().contains("`wuzhou`"));
}

#[test]
fn parents_in_a_loop_are_an_error() {
    let text = THREE
        .replace(
            "short = \"广西科协\"",
            "short = \"广西科协\"\nparent = \"wuzhou\"",
        )
        .replace(
            "pull = [{ from = \"parent\", sections = [\"/news/tzgg/\"] }]",
            "",
        );
    let found = problems(&text);
    assert!(found.iter().all(|d| d.code == "E0908"), "{found:#?}");
    assert!(!found.is_empty());
    let own = THREE.replace(
        "association = \"藤县科学技术协会\"",
        "association = \"藤县科学技术协会\"\nparent = \"tengxian\"",
    );
    one(&own, "E0908");
}

#[test]
fn pulling_from_a_parent_needs_one_and_a_rule_needs_sections() {
    let text = THREE.replace("from = \"children\"", "from = \"parent\"");
    let d = one(&text, "E0909");
    assert_eq!(d.span.unwrap().line, 11);
    let text = THREE.replace("sections = [\"news\"], ", "");
    one(&text, "E0909");
    let text = THREE.replace("from = \"children\"", "from = [\"wuzhou\", \"liuzhou\"]");
    one(&text, "E0907");
}

#[test]
fn find_walks_up_from_a_member_folder_to_the_network_root() {
    let dir = root_with(&["wuzhou"]);
    std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
    let found = Network::find(&dir.path().join("sites/wuzhou")).unwrap();
    assert_eq!(found, dir.path().canonicalize().unwrap());
    let load = Network::load(&dir.path().join("sites")).unwrap_err();
    assert_eq!(load[0].code, "E0901");
}

#[test]
fn shards_split_members_by_index_and_bad_shards_are_refused() {
    let shard = Shard::parse("2/3").unwrap();
    let held: Vec<u32> = (0..7).filter(|i| shard.holds(MemberId(*i))).collect();
    assert_eq!(held, [1, 4]);
    assert_eq!(shard.manifest_name(), ".menhu-shard-2-of-3.json");
    for bad in ["0/3", "4/3", "2", "a/b", "1/0"] {
        assert_eq!(Shard::parse(bad).unwrap_err().code, "E0912", "{bad}");
    }
}

#[test]
fn an_unknown_site_name_suggests_the_nearest() {
    let (_dir, network) = three();
    let d = network.unknown_site("wuzou");
    assert_eq!(d.code, "E0907");
    assert!(d.help.unwrap().contains("wuzhou"));
}
