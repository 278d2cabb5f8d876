"""Demo images: a banner for each city, drawn with Pillow from the city's data at seed time.

The demo ships no binary files; each city's hero image is drawn from what the data says about it: a gradient in one
of a few palettes (chosen by its slug), the world's meridians and parallels, rings spreading from the city's place
on them and lines to its twin cities. The same city gives the same pixels on every run and machine (nothing random),
and its description, which is the image's alt text, says what the banner shows.

``city_banner`` finds a city's banner again (by title, in the city's collection) before drawing one, so
``seed_network`` can run again without making copies.
"""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

# The widest hero rendition (fill-1440x600, citypages/includes/responsive_image.html): 12:5.
WIDTH, HEIGHT = 1440, 600
# An equirectangular world at 4 px per degree: 360° of longitude across, 75°N to 75°S down (every member city).
SCALE, TOP_LATITUDE = WIDTH / 360, 75
SUPERSAMPLE = 2  # lines and rings are drawn at twice the size, then reduced: smooth edges without an AA library

# (colours as the alt text names them, from, to): the network's blue and partners that keep white lines legible.
PALETTES = (
    ("deep blue and teal", (11, 79, 138), (17, 128, 120)),
    ("teal and green", (14, 104, 130), (60, 128, 62)),
    ("indigo and violet", (49, 46, 129), (118, 52, 132)),
    ("navy and sky blue", (8, 58, 102), (42, 118, 176)),
    ("green and ochre", (32, 96, 64), (166, 122, 24)),
    ("plum and coral", (92, 36, 84), (190, 82, 70)),
    ("slate and amber", (51, 65, 85), (180, 96, 8)),
    ("forest green and olive", (22, 78, 56), (104, 128, 40)),
)


def banner_title(name):
    return f"{name}: banner"


def palette_for(slug):
    """The palette of a city: stable across runs and machines (unlike ``hash()``)."""
    digest = hashlib.sha256(slug.encode()).digest()
    return PALETTES[digest[0] % len(PALETTES)]


def banner_description(name, slug, twin_count):
    colours = palette_for(slug)[0]
    twins = (
        f", with lines to its {twin_count} twin cities"
        if twin_count > 1
        else ", with a line to its twin city"
        if twin_count
        else ""
    )
    return (
        f"Abstract banner for {name} in {colours}: rings spreading from the city's place on a grid of the world{twins}."
    )


def _point(latitude, longitude, factor=1):
    return ((float(longitude) + 180) * SCALE * factor, (TOP_LATITUDE - float(latitude)) * SCALE * factor)


def draw_banner(slug, latitude, longitude, twins=()):
    """JPEG bytes of the banner of the city at (latitude, longitude), its twins a list of (latitude, longitude)."""
    _colours, start, end = palette_for(slug)
    # A diagonal gradient: Pillow's 256-step linear gradient, across (mostly) and down (a little).
    across = PillowImage.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT), PillowImage.BILINEAR)
    down = PillowImage.linear_gradient("L").resize((WIDTH, HEIGHT), PillowImage.BILINEAR)
    mask = PillowImage.blend(across, down, 0.35)
    banner = PillowImage.composite(
        PillowImage.new("RGB", (WIDTH, HEIGHT), start), PillowImage.new("RGB", (WIDTH, HEIGHT), end), mask
    )

    factor = SUPERSAMPLE
    overlay = PillowImage.new("RGBA", (WIDTH * factor, HEIGHT * factor), (255, 255, 255, 0))
    draw = ImageDraw.Draw(overlay)
    grid = (255, 255, 255, 34)
    for meridian in range(-180, 181, 30):
        x, _y = _point(0, meridian, factor)
        draw.line([(x, 0), (x, HEIGHT * factor)], fill=grid, width=factor)
    for parallel in range(-60, 61, 30):
        _x, y = _point(parallel, 0, factor)
        draw.line([(0, y), (WIDTH * factor, y)], fill=grid, width=factor)

    cx, cy = _point(latitude, longitude, factor)
    for twin_latitude, twin_longitude in twins:
        tx, ty = _point(twin_latitude, twin_longitude, factor)
        draw.line([(cx, cy), (tx, ty)], fill=(255, 255, 255, 110), width=2 * factor)
        draw.ellipse([tx - 7 * factor, ty - 7 * factor, tx + 7 * factor, ty + 7 * factor], fill=(255, 255, 255, 170))
    for step, radius in enumerate((36, 80, 136, 204, 284, 376)):
        r = radius * factor
        alpha = 150 - step * 22
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255, alpha), width=3 * factor)
    accent = (255, 212, 0, 255)  # the network's yellow (--accent)
    draw.ellipse([cx - 14 * factor, cy - 14 * factor, cx + 14 * factor, cy + 14 * factor], fill=accent)

    overlay = overlay.reduce(factor)  # box filter: averages each 2×2 block
    banner = PillowImage.alpha_composite(banner.convert("RGBA"), overlay).convert("RGB")
    output = BytesIO()
    banner.save(output, format="JPEG", quality=85)
    return output.getvalue()


def city_banner(collection, *, slug, name, latitude, longitude, twins=()):
    """The banner of a city in ``collection``: the one made before if there is one, else drawn and saved now.

    Returns (image, created).
    """
    Image = get_image_model()
    title = banner_title(name)
    existing = Image.objects.filter(collection=collection, title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    data = draw_banner(slug, latitude, longitude, twins)
    image = Image(
        title=title,
        description=banner_description(name, slug, len(twins)),
        collection=collection,
        file=ImageFile(BytesIO(data), name=f"{slug}-banner.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image, True
