
/// The client's normalisation agrees with the index's on Latin, full-width, punctuation
/// and Traditional characters, given the whole character table.
#[test]
fn client_and_index_normalise_alike() {
    if !node_available() {
        return;
    }
    let mut sample: String = (0x20u32..0x250).filter_map(char::from_u32).collect();
    sample.extend((0xFF01u32..0xFF60).filter_map(char::from_u32));
    sample.push_str("　「」、。《》—…創新服務學術環境廣西壯族自治區梧州市科協〇𠀀");
    let pairs: String = menhu::zh::t2s_pairs().flat_map(|(t, s)| [t, s]).collect();
    let script = r#"
import { pathToFileURL } from 'node:url';
const { normalize } = await import(pathToFileURL(process.env.CORE));
const pairs = Array.from(process.env.PAIRS), t2s = new Map();
for (let i = 0; i < pairs.length; i += 2) t2s.set(pairs[i], pairs[i + 1]);
process.stdout.write(normalize(process.env.SAMPLE, t2s));
"#;
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/search/client/search-core.js");
    let out = Command::new("node")
        .args(["--input-type=module", "-e", script])
        .env("CORE", core)
        .env("PAIRS", pairs)
        .env("SAMPLE", &sample)
        .output()
        .expect("run node");
    let client = String::from_utf8_lossy(&out.stdout);
    let index = menhu::zh::normalize(&sample);
    for ((a, b), original) in client.chars().zip(index.chars()).zip(sample.chars()) {
        assert_eq!(a, b, "{original:?} (U+{:04X})", original as u32);
    }
    assert_eq!(client.chars().count(), index.chars().count());
}
