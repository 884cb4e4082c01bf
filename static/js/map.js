/* Maps (civica/core/maps.py): turns each [data-map] container into a Leaflet map of the places listed
   beside it (the JSON in the <script> whose id it names), and a [data-map-picker] container into a map
   whose click fills a form's latitude and longitude fields. The server always renders the list of places
   with their coordinates; this only adds the map, so without Leaflet or tiles nothing is lost. When
   tiles fail to load, a note says the list has every place. Markers are keyboard-focusable images named
   after their place; Enter opens the place's link in a popup. */
(function () {
  "use strict";
  var L = window.L;
  if (!L) return;

  function icon(el) {
    return L.icon({
      iconUrl: el.dataset.mapIcon, iconRetinaUrl: el.dataset.mapIcon2x, shadowUrl: el.dataset.mapShadow,
      iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41]
    });
  }

  // When tiles fail: the note says the list has every place, and the list opens.
  function failed(el) {
    var box = el.parentElement;
    var failedNote = box.querySelector("[data-map-failed]");
    var list = box.querySelector("[data-map-list]");
    if (failedNote) failedNote.hidden = false;
    if (list) list.open = true;
  }

  function makeMap(el) {
    el.hidden = false;
    var map = L.map(el, {zoomControl: false, scrollWheelZoom: false});
    L.control.zoom({zoomInTitle: el.dataset.mapZoomIn, zoomOutTitle: el.dataset.mapZoomOut}).addTo(map);
    map.attributionControl.setPrefix(false);
    var layer = L.tileLayer(el.dataset.mapTiles, {attribution: el.dataset.mapAttribution, maxZoom: 19});
    layer.once("tileerror", function () {
      failed(el);
    });
    layer.addTo(map);
    return map;
  }

  function placeMap(el) {
    var source = document.getElementById(el.dataset.map);
    var places = source ? JSON.parse(source.textContent) : [];
    if (!places.length) return;
    var map = makeMap(el);
    var markerIcon = icon(el);
    var points = places.map(function (place) {
      var label = place.approximate ? place.name + " (" + el.dataset.mapApproximate + ")" : place.name;
      var marker = L.marker([place.lat, place.lng], {icon: markerIcon, alt: label, title: label});
      var content = document.createElement("p");
      var name = content.appendChild(document.createElement(place.url ? "a" : "strong"));
      name.textContent = place.name;
      if (place.url) name.href = place.url;
      if (place.address) content.appendChild(document.createTextNode(", " + place.address));
      if (place.approximate) content.appendChild(document.createTextNode(" (" + el.dataset.mapApproximate + ")"));
      marker.bindPopup(content).addTo(map);
      return [place.lat, place.lng];
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else {
      map.fitBounds(points, {padding: [32, 32], maxZoom: 16});
    }
  }

  function pickerMap(el) {
    var latitude = document.getElementById(el.dataset.mapLatitude);
    var longitude = document.getElementById(el.dataset.mapLongitude);
    if (!latitude || !longitude) return;
    var map = makeMap(el);
    var help = document.getElementById("map-picker-help");
    if (help) help.hidden = false;
    var marker = null;
    var markerIcon = icon(el);

    function typed() {
      var lat = parseFloat(latitude.value.replace(",", "."));
      var lng = parseFloat(longitude.value.replace(",", "."));
      if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
      return L.latLng(lat, lng);
    }

    function show(point) {
      if (!point) {
        if (marker) marker.remove();
        marker = null;
        return;
      }
      if (!marker) {
        marker = L.marker(point, {icon: markerIcon, alt: el.dataset.mapMarker, title: el.dataset.mapMarker,
                                  keyboard: false}).addTo(map);
      } else {
        marker.setLatLng(point);
      }
    }

    var centre = el.dataset.mapCentre.split(",").map(parseFloat);
    var start = typed();
    map.setView(start || centre, start ? 16 : parseInt(el.dataset.mapDefaultZoom, 10));
    show(start);

    map.on("click", function (event) {
      var point = event.latlng.wrap();
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
      [latitude, longitude].forEach(function (input) {
        input.dispatchEvent(new Event("change", {bubbles: true}));
      });
      show(point);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = typed();
        show(point);
        if (point) map.panTo(point);
      });
    });
  }

  document.querySelectorAll("[data-map]").forEach(placeMap);
  document.querySelectorAll("[data-map-picker]").forEach(pickerMap);
})();
