// Each URL is written as a literal so bundlers (Vite, Rollup, esbuild with
// its asset loaders) can find and copy the file.
export const samplePhotos = {
  chelsea: {
    url: new URL('./images/chelsea.png', import.meta.url).href,
    label: 'Cat (Chelsea)',
    credit: 'Stefan van der Walt, CC0',
  },
  coffee: {
    url: new URL('./images/coffee.png', import.meta.url).href,
    label: 'Coffee cup',
    credit: 'Rachel Michetti, CC0',
  },
  rocket: {
    url: new URL('./images/rocket.jpg', import.meta.url).href,
    label: 'Falcon 9 launch',
    credit: 'SpaceX, public domain',
  },
  astronaut: {
    url: new URL('./images/astronaut.png', import.meta.url).href,
    label: 'Astronaut Eileen Collins',
    credit: 'NASA, public domain',
  },
};

/** The photo a figure uses when no `image` attribute is given. */
export const defaultPhoto = samplePhotos.chelsea;
