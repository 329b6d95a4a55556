/**
 * Checks of uploaded images against a slot's rule (GD-PHOTO-2 ID photos, FJ-3 certificate images): dimensions and
 * pixel bounds from the header before any decoding, one subsampled decode for the background and colour checks,
 * EXIF orientation and capture date, and previews re-encoded without metadata.
 */
package org.zhicheng.media.image;
