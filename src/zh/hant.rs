//! Traditional → Simplified characters for matching names (`廣州` → `广州`, `臺灣` →
//! `台湾`). A character table, not a phrase converter: enough to resolve place names and
//! organization names typed in Traditional characters. [`to_simplified`] is the one
//! entry point, so a full converter can take its place without touching callers.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Pairs of (Traditional, Simplified) characters, written as two parallel strings so
/// the table stays readable: the n-th character of one maps to the n-th of the other.
/// Covers the characters of province, city and county names and common words of
/// association names; characters that are the same in both scripts are not listed.
const TRADITIONAL: &str = "\
廣東臺灣灣區縣鄉鎮門龍陽陰雲貴遼寧蘇瀋陝藍蘭嶺齊濟澤鄭開華衛魯贛閩豐
興義烏溫莊張寶雞鄂爾紅濱黃岡隨漢襄樊嶽賀貢萊蕪棗聊臨葉鶴壽滄廊邢邯鄲
頂許漯駐馬麗顏順濰濮連雲鹽錫楊揚鎮淮淄嘉餘燁孫蕭湯潯騰鐵撫錦陸綏嶼邊
羅賓瀾滎灤遷運長倉廟峽灘樓圖島鋼觀薊鞍嶸瀘貴樂壩澗滬關鳳儀寧夢師豐
協會學會員專業會議國際技術聯創興發業農醫藥職電腦訊機構組織黨團總幹
書記區鄉村縣鎮範實驗論壇調查報導說現時間後開設單個們來這與為過還進對
動點選說話傳統經濟環節質體壓練際務勢歷標車軍費資產產權條從製造層級
證務園區範圍獎勵優勝線網頁項價證廳設計劃員
壯慶無廈樞紐畢節韶穀閣壩納攀";
const SIMPLIFIED: &str = "\
广东台湾湾区县乡镇门龙阳阴云贵辽宁苏沈陕蓝兰岭齐济泽郑开华卫鲁赣闽丰
兴义乌温庄张宝鸡鄂尔红滨黄冈随汉襄樊岳贺贡莱芜枣聊临叶鹤寿沧廊邢邯郸
顶许漯驻马丽颜顺潍濮连云盐锡杨扬镇淮淄嘉余烨孙萧汤浔腾铁抚锦陆绥屿边
罗宾澜荥滦迁运长仓庙峡滩楼图岛钢观蓟鞍嵘泸贵乐坝涧沪关凤仪宁梦师丰
协会学会员专业会议国际技术联创兴发业农医药职电脑讯机构组织党团总干
书记区乡村县镇范实验论坛调查报导说现时间后开设单个们来这与为过还进对
动点选说话传统经济环节质体压练际务势历标车军费资产产权条从制造层级
证务园区范围奖励优胜线网页项价证厅设计划员
壮庆无厦枢纽毕节韶谷阁坝纳攀";

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let strip = |s: &'static str| s.chars().filter(|c| !c.is_whitespace());
        strip(TRADITIONAL)
            .zip(strip(SIMPLIFIED))
            .filter(|(t, s)| t != s)
            .collect()
    })
}

/// `text` with every Traditional character the table knows replaced by its Simplified
/// form; everything else is kept as is.
pub fn to_simplified(text: &str) -> String {
    let table = table();
    text.chars()
        .map(|c| table.get(&c).copied().unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_strings_line_up() {
        let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(count(TRADITIONAL), count(SIMPLIFIED));
    }

    #[test]
    fn place_names_become_simplified() {
        assert_eq!(to_simplified("廣州"), "广州");
        assert_eq!(to_simplified("臺灣"), "台湾");
        assert_eq!(to_simplified("廣西壯族自治區"), "广西壮族自治区");
        assert_eq!(to_simplified("梧州市"), "梧州市");
    }
}
