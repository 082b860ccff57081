#!/usr/bin/python3
"""Draws the demo portal's news photos: scenes painted from shapes, light and grain
with Pillow (no photograph is copied), saved as small JPEGs beside their articles.

    /usr/bin/python3 scripts/demo-photos.py

Each scene comes from a fixed seed, so running the script again gives the same
pictures. The banner text uses Noto Sans CJK when installed (fonts-noto-cjk) and is
left out otherwise.
"""
import os
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE = (1440, 960)
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return None


def gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(x0, y), (x1, y)], fill=colour)


def person(draw, rng, x, y, scale, shirt=None, facing_away=True):
    """A person seen from behind (or the front): head, hair, shoulders."""
    skin = rng.choice([(224, 186, 150), (210, 168, 130), (236, 200, 168)])
    shirt = shirt or rng.choice([(40, 70, 130), (230, 230, 225), (180, 40, 40),
                                 (60, 60, 64), (90, 130, 90), (200, 160, 60)])
    w, h = 70 * scale, 120 * scale
    draw.rounded_rectangle([x - w / 2, y, x + w / 2, y + h], radius=28 * scale, fill=shirt)
    r = 20 * scale
    draw.ellipse([x - r, y - 2.1 * r, x + r, y], fill=skin)
    hair = rng.choice([(20, 18, 18), (35, 28, 24), (60, 50, 45)])
    if facing_away:
        draw.ellipse([x - r * 1.05, y - 2.2 * r, x + r * 1.05, y - 0.2 * r], fill=hair)
    else:
        draw.chord([x - r * 1.05, y - 2.25 * r, x + r * 1.05, y - 0.9 * r], 180, 360, fill=hair)


def finish(image, seed, path):
    """Soft focus, a vignette and film grain, then a small JPEG."""
    rng = random.Random(seed)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    w, h = image.size
    vignette = Image.new("L", (w // 8, h // 8), 0)
    vd = ImageDraw.Draw(vignette)
    vd.ellipse([-w // 40, -h // 40, w // 8 + w // 40, h // 8 + h // 40], fill=255)
    vignette = vignette.filter(ImageFilter.GaussianBlur(12)).resize((w, h))
    dark = Image.new("RGB", (w, h), (20, 20, 24))
    image = Image.composite(image, dark, vignette.point(lambda v: 150 + v * 105 // 255))
    grain = Image.effect_noise((w, h), 18).convert("RGB")
    image = Image.blend(image, grain, 0.05)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path, "JPEG", quality=78, optimize=True, progressive=True)
    print(f"{os.path.relpath(path, REPO)}: {os.path.getsize(path) // 1024} KB")
    del rng


def launch_square(path):
    """科普惠民行动 launched on a city square: a red stage and banner, booths, a crowd."""
    rng = random.Random(918)
    image = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(image)
    gradient(d, (0, 0, SIZE[0], 520), (96, 150, 214), (196, 222, 240))
    for _ in range(7):
        cx, cy = rng.randint(0, SIZE[0]), rng.randint(40, 260)
        for _ in range(6):
            r = rng.randint(30, 70)
            ox, oy = rng.randint(-80, 80), rng.randint(-20, 20)
            d.ellipse([cx + ox - r, cy + oy - r * 0.6, cx + ox + r, cy + oy + r * 0.6], fill=(246, 248, 252))
    for x in range(0, SIZE[0], 90):
        h = rng.randint(120, 220)
        d.rectangle([x, 520 - h, x + 80, 520], fill=(150 + rng.randint(0, 30), 160, 175))
    gradient(d, (0, 520, SIZE[0], SIZE[1]), (178, 170, 160), (120, 112, 104))
    d.rectangle([330, 250, 1110, 560], fill=(176, 22, 30))
    d.rectangle([350, 270, 1090, 420], fill=(196, 30, 40))
    banner = font(86)
    if banner:
        d.text((720, 345), "科普惠民行动", font=banner, fill=(255, 214, 80), anchor="mm")
        d.text((720, 470), "科学普及进万家", font=font(48), fill=(255, 255, 255), anchor="mm")
    d.rectangle([300, 560, 1140, 600], fill=(120, 20, 24))
    for i, x in enumerate(range(40, SIZE[0], 230)):
        if 280 < x < 1120:
            continue
        d.polygon([(x, 560), (x + 90, 500), (x + 180, 560)], fill=(250, 250, 250))
        d.rectangle([x + 10, 560, x + 170, 650], fill=(236, 238, 240))
        d.rectangle([x + 10, 560, x + 170, 585], fill=(40, 90, 170) if i % 2 else (200, 40, 40))
    for row, (y, scale) in enumerate([(660, 0.8), (730, 1.0), (810, 1.25)]):
        for x in range(-40, SIZE[0] + 60, int(95 * scale)):
            person(d, rng, x + rng.randint(-20, 20), y + rng.randint(-10, 10), scale)
    finish(image, 918, path)


def matchmaking_room(path):
    """企业技术对接会: a meeting room with a screen, a long table and people."""
    rng = random.Random(812)
    image = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(image)
    gradient(d, (0, 0, SIZE[0], 560), (226, 218, 204), (206, 196, 180))
    gradient(d, (0, 560, SIZE[0], SIZE[1]), (140, 96, 70), (96, 62, 44))
    for x in range(0, SIZE[0], 180):
        d.rectangle([x, 60, x + 150, 80], fill=(250, 246, 232))
    d.rectangle([420, 120, 1020, 460], fill=(30, 34, 40))
    d.rectangle([432, 132, 1008, 448], fill=(22, 70, 140))
    title = font(40)
    if title:
        d.text((720, 175), "高新区企业技术需求对接会", font=title, fill=(255, 255, 255), anchor="mm")
    for i, h in enumerate([90, 150, 120, 210, 180]):
        x = 520 + i * 85
        d.rectangle([x, 420 - h, x + 50, 420], fill=(255, 196, 60) if i == 3 else (140, 200, 250))
    d.polygon([(120, 640), (1320, 640), (1440, 900), (0, 900)], fill=(246, 246, 244))
    d.rectangle([0, 900, SIZE[0], SIZE[1]], fill=(70, 46, 34))
    for x in [300, 560, 880, 1140]:
        d.rectangle([x - 40, 650, x + 40, 680], fill=(180, 30, 36))
    for x in [230, 420, 620, 820, 1020, 1220]:
        person(d, rng, x, 520, 1.0, facing_away=False)
    for x, c in [(240, (90, 140, 200)), (700, (60, 160, 90)), (1180, (200, 80, 120))]:
        d.ellipse([x - 40, 600, x + 40, 650], fill=c)
    for x in range(60, SIZE[0], 260):
        person(d, rng, x + 60, 800, 1.5, shirt=(40, 44, 56))
    finish(image, 812, path)


def science_booth(path):
    """科普周: a booth with a telescope, a volunteer and children."""
    rng = random.Random(920)
    image = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(image)
    gradient(d, (0, 0, SIZE[0], 480), (120, 176, 230), (210, 232, 246))
    for x in range(-60, SIZE[0], 150):
        r = rng.randint(90, 140)
        d.ellipse([x, 330 - r, x + 2 * r, 330 + r], fill=(60 + rng.randint(0, 30), 120 + rng.randint(0, 40), 60))
    gradient(d, (0, 480, SIZE[0], SIZE[1]), (120, 170, 90), (80, 124, 60))
    d.polygon([(260, 300), (720, 160), (1180, 300)], fill=(250, 250, 250))
    d.rectangle([280, 300, 1160, 360], fill=(30, 96, 180))
    label = font(44)
    if label:
        d.text((720, 330), "科普周·走进科学", font=label, fill=(255, 255, 255), anchor="mm")
    d.rectangle([290, 360, 300, 720], fill=(200, 200, 200))
    d.rectangle([1140, 360, 1150, 720], fill=(200, 200, 200))
    d.rectangle([360, 560, 1080, 640], fill=(236, 236, 236))
    d.line([(820, 700), (860, 560), (900, 700)], fill=(40, 40, 40), width=8)
    d.polygon([(800, 470), (960, 420), (972, 450), (812, 500)], fill=(230, 230, 236))
    d.ellipse([950, 412, 986, 458], fill=(30, 30, 34))
    person(d, rng, 640, 470, 1.2, shirt=(200, 40, 40), facing_away=False)
    for x, s in [(420, 0.9), (540, 0.8), (980, 0.85), (1100, 0.95)]:
        person(d, rng, x, 690, s, shirt=rng.choice([(250, 200, 60), (90, 160, 220), (240, 120, 160)]))
    finish(image, 920, path)


def speaking_contest(path):
    """科普讲解大赛: a stage, a speaker at the lectern, the screen, the audience."""
    rng = random.Random(310)
    image = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(image)
    gradient(d, (0, 0, SIZE[0], SIZE[1]), (24, 28, 44), (10, 10, 16))
    for x in range(60, SIZE[0], 220):
        d.polygon([(x, 0), (x - 120, 620), (x + 120, 620)], fill=(44, 48, 70))
    d.rectangle([260, 90, 1180, 470], fill=(16, 60, 130))
    d.rectangle([280, 110, 1160, 450], fill=(26, 84, 168))
    title = font(70)
    if title:
        d.text((720, 230), "科普讲解大赛", font=title, fill=(255, 224, 120), anchor="mm")
        d.text((720, 340), "决赛", font=font(52), fill=(255, 255, 255), anchor="mm")
    d.rectangle([0, 600, SIZE[0], 660], fill=(120, 30, 36))
    d.ellipse([520, 420, 920, 640], fill=(90, 80, 70))
    person(d, rng, 960, 470, 1.3, shirt=(30, 32, 40), facing_away=False)
    d.polygon([(880, 560), (1040, 560), (1020, 660), (900, 660)], fill=(150, 100, 60))
    for row, (y, scale) in enumerate([(700, 0.9), (780, 1.1), (870, 1.35)]):
        for x in range(-20, SIZE[0] + 60, int(110 * scale)):
            person(d, rng, x + rng.randint(-15, 15), y, scale, shirt=(50, 50, 56))
    finish(image, 310, path)


SCENES = [
    (launch_square, "content/news/2026-09-18-quan-qu-ke-pu-ri-qi-dong/kepuri-qidong.jpg"),
    (matchmaking_room, "content/news/2026-08-12-gao-xin-qu-qi-ye-ji-shu-dui-jie/duijiehui.jpg"),
    (science_booth, "content/news/tbgz/2025-09-20-ke-pu-zhou-huo-dong/kepuzhou-zhanwei.jpg"),
    (speaking_contest, "content/news/tzgg/2026-03-10-jiang-jie-da-sai-bao-ming/jiangjie-dasai.jpg"),
]

if __name__ == "__main__":
    for draw, relative in SCENES:
        draw(os.path.join(REPO, relative))
