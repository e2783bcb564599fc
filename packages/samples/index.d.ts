export interface SamplePhoto {
  /** Absolute URL of the image file, resolved from this package. */
  url: string;
  /** Short name for a picker. */
  label: string;
  /** Credit line that must travel with the image. */
  credit: string;
}

export type SamplePhotoName = 'chelsea' | 'coffee' | 'rocket' | 'astronaut';

export declare const samplePhotos: Record<SamplePhotoName, SamplePhoto>;

/** The photo a figure uses when no `image` attribute is given. */
export declare const defaultPhoto: SamplePhoto;
